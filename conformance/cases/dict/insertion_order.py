# dicts preserve insertion order; updating a key keeps its position.
d = {}
d["z"] = 1
d["a"] = 2
d["m"] = 3
print(d, list(d))
d["z"] = 100
print(d)
del d["a"]
d["a"] = 4
print(d)
print(dict(b=1, a=2), dict([("y", 1), ("x", 2)]), dict({"k": 1}, extra=2))
print({1: "a", True: "b", 1.0: "c"})
print({**{"a": 1, "b": 2}, **{"a": 3, "c": 4}})
e = dict.fromkeys("hello")
print(e, list(e.keys()))
d2 = {i: i * i for i in range(5, 0, -1)}
print(d2, list(d2.values()), list(d2.items())[:2])
print(list(reversed(d2)), list(reversed(d2.items()))[:2], next(iter(d2)))
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, list({"a": 1, "b": 2}) == list({"b": 2, "a": 1}))
