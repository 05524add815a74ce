# __missing__ on dict subclasses, and overriding methods.
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for ch in "hello":
    c[ch] += 1
print(c, c["zz"], "zz" in c, c.get("zz"))

class AutoVivify(dict):
    def __missing__(self, key):
        value = self[key] = AutoVivify()
        return value
tree = AutoVivify()
tree["a"]["b"]["c"] = 1
print(tree)

class Upper(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key.upper(), value)
u = Upper()
u["x"] = 1
u.update(y=2)
u.setdefault("z", 3)
print(u)
print(Upper(a=1), type(Upper(a=1).copy()).__name__)

class MissingRaises(dict):
    def __missing__(self, key):
        raise LookupError(f"nope: {key}")
try:
    MissingRaises()["k"]
except LookupError as e:
    print(type(e).__name__, e)
try:
    {}["absent"]
except KeyError as e:
    print(type(e).__name__, e)
