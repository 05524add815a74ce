# __getattr__ is only called when normal lookup fails.
class Lazy:
    existing = "class attr"
    def __init__(self):
        self.inst = "instance attr"
    def __getattr__(self, name):
        print("__getattr__", name)
        if name.startswith("dyn_"):
            return name[4:].upper()
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")

o = Lazy()
print(o.existing, o.inst)
print(o.dyn_hello)
try:
    o.other
except AttributeError as e:
    print(type(e).__name__, e)
print(getattr(o, "missing", "default"))
print(hasattr(o, "dyn_x"), hasattr(o, "nope"))

class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
p.sort()
print(p._target, p.count(1))
try:
    p.nothing
except AttributeError as e:
    print(type(e).__name__, e)
