# frozenset: immutability, hashing, identity of empty frozensets, and mixing with set.
f = frozenset([3, 1, 2, 3])
print(sorted(f), len(f), 2 in f, type(f).__name__, hash(f) == hash(frozenset({1, 2, 3})))
print(frozenset(f) is f, f.copy() is f, frozenset() == frozenset([]), repr(frozenset()))
for name in ("add", "remove", "discard", "pop", "clear", "update", "__ior__"):
    print(name, hasattr(f, name))
g = f
g |= {4}
print(sorted(g), sorted(f), g is f)
d = {frozenset({"a", "b"}): "ab", frozenset(): "empty"}
print(d[frozenset("ba")], d[frozenset()])
s = {1, 2}
print(s == frozenset({1, 2}), type(s | f).__name__, type(f | s).__name__, type(f.union(s)).__name__)
print(sorted(frozenset("hello") - frozenset("world")), sorted(frozenset("ab") ^ {"b", "c"}))
print(frozenset({1, 2}) < frozenset({1, 2, 3}), frozenset({1}).isdisjoint([2]), frozenset([1]).issubset({1}))
class MyFrozen(frozenset):
    pass
m = MyFrozen([1, 2])
print(type(m).__name__, sorted(m), type(m | {3}).__name__, m == frozenset({1, 2}), repr(MyFrozen()))
try:
    frozenset(5)
except TypeError as e:
    print(type(e).__name__, e)
