# dict repr and the many ways to construct a dict.
print({}, {"a": 1}, {1: "one", (2, 3): [4]}, {None: None, True: False})
print(dict(), dict(a=1, b=2), dict([["k", "v"]]), dict(zip("ab", range(2))), dict({1: 2}, **{"x": 3}))
print(dict(dict(a=1)), dict([(i, i) for i in range(3)]), dict.fromkeys(()), dict(iter([(1, 2)])))
print(repr({"quote'": 'dq"'}), str({1: {2: {3: {}}}}), {"ß": "日本"})
class Pairs:
    def keys(self):
        return ["p", "q"]
    def __getitem__(self, k):
        return k * 2
print(dict(Pairs()), {**Pairs()})
for bad in ((1,), ([(1, 2, 3)],), ("ab",), ([[1]],)):
    try:
        dict(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(len({i: None for i in range(100)}), {k: v for k, v in [("a", 1), ("a", 2)]})
print(type({}).__name__, dict.__name__, isinstance({}, dict), {}.__class__ is dict)
