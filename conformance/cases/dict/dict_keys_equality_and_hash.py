# Keys compare by hash and equality: 1, 1.0 and True are the same key.
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
d2 = {0: "zero", False: "false", 0.0: "float zero", -0.0: "neg zero"}
print(d2)
print({(1, 2): 1}[(1.0, 2.0)], {"a": 1}.get("a"), {frozenset([1]): "fs"}[frozenset([1])])
nan = float("nan")
d3 = {nan: 1}
print(d3[nan], float("nan") in d3, len({float("nan"): 1, float("nan"): 2}))
class Key:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        return 1
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k
    def __repr__(self):
        return f"Key({self.k})"
d4 = {Key(1): "a", Key(2): "b", Key(1): "c"}
print(d4, d4[Key(2)])
print(sorted({"b": 1, "a": 2}), sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]))
print({1: 1} == {1.0: 1}, {1: 1} == {1: 1.0}, {"a": 1} != {"a": 2}, dict() == {})
try:
    {} < {}
except TypeError as e:
    print(type(e).__name__, e)
