# __getattribute__ intercepts every attribute access.
class Logged:
    def __init__(self):
        self.a = 1
    def method(self):
        return "method"
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("access", name)
        return super().__getattribute__(name)

l = Logged()
print(l.a)
print(l.method())
try:
    l.missing
except AttributeError as e:
    print(type(e).__name__, e)

class Fallback:
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError("boom not allowed")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return f"fallback for {name}"
f = Fallback()
print(f.boom, f.anything)

class Everything:
    def __getattribute__(self, name):
        return f"<{name}>"
e = Everything()
print(e.x, e.__dict__, e.__class__)
print(type(e).__name__)
