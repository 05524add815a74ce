# __setattr__ and __delattr__ hooks.
class Recorder:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __setattr__(self, name, value):
        self.log.append(("set", name, value))
        super().__setattr__(name, value)
    def __delattr__(self, name):
        self.log.append(("del", name))
        super().__delattr__(name)

r = Recorder()
r.x = 1
r.y = 2
r.x += 10
del r.y
print(r.log)
print(r.x, hasattr(r, "y"))

class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name!r}: frozen")
    def __delattr__(self, name):
        raise AttributeError(f"cannot delete {name!r}: frozen")
f = Frozen(5)
print(f.v)
for action in (lambda: setattr(f, "v", 6), lambda: delattr(f, "v")):
    try:
        action()
    except AttributeError as e:
        print(type(e).__name__, e)
print(f.v)
object.__setattr__(f, "v", 7)
print(f.v)
