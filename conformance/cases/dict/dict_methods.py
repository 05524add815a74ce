# get, setdefault, pop, popitem, update, fromkeys, copy, clear.
d = {"a": 1}
print(d.get("a"), d.get("b"), d.get("b", 0), d)
print(d.setdefault("a", 100), d.setdefault("b", []), d.setdefault("c"), d)
d["b"].append(1)
print(d)
print(d.pop("a"), d.pop("zz", "default"), d)
try:
    d.pop("zz")
except KeyError as e:
    print(type(e).__name__, e)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
d.update(k=None)
print(d)
print(d.popitem(), d.popitem(), d)
c = d.copy()
c["new"] = 1
print(d, c, c is d)
print(dict.fromkeys(["a", "b"]), dict.fromkeys("ab", 0), dict.fromkeys(range(3), []))
shared = dict.fromkeys("xy", [])
shared["x"].append(1)
print(shared)
d.clear()
print(d, len(d))
try:
    d.popitem()
except KeyError as e:
    print(type(e).__name__, e)
try:
    d.update(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    d.update([("a", 1, 2)])
except ValueError as e:
    print(type(e).__name__, e)
try:
    dict([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
