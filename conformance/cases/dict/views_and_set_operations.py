# keys/values/items views are live; keys and items support set operations.
d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
d["d"] = 4
print(len(k), list(v), ("d", 4) in i, "a" in k, 2 in v)
print(sorted(k & {"a", "z"}), sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "q"}))
print(sorted(i & {("a", 1), ("b", 99)}), k == {"a", "b", "c", "d"}, k < {"a", "b", "c", "d", "e"})
print(k.isdisjoint({"x"}), k.isdisjoint(["a"]), sorted({"x"} | k))
print(type(k).__name__, type(v).__name__, type(i).__name__, type(k & set()).__name__)
print(list(reversed(k)), k.mapping["a"], type(k.mapping).__name__)
try:
    v & {1}
except TypeError as e:
    print(type(e).__name__, e)
try:
    k[0]
except TypeError as e:
    print(type(e).__name__, e)
print(v == v, d.values() == d.values(), d.keys() == d.keys(), d.items() == {("a", 1), ("b", 2), ("c", 3), ("d", 4)})
print({1: 2}.items() | {(3, 4)} == {(1, 2), (3, 4)}, {"a": [1]}.items() == {("a", 1)} if False else "skip")
try:
    {"a": [1]}.items() | set()
except TypeError as e:
    print(type(e).__name__, e)
