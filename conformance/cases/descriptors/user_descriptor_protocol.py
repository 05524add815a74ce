# __get__ receives (instance, owner); __set__/__delete__ intercept writes.
class Traced:
    def __set_name__(self, owner, name):
        self.name = name
        self.store = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return f"<Traced {self.name} on {objtype.__name__}>"
        print(f"get {self.name}")
        return getattr(obj, self.store, "unset")
    def __set__(self, obj, value):
        print(f"set {self.name}={value!r}")
        setattr(obj, self.store, value)
    def __delete__(self, obj):
        print(f"delete {self.name}")
        delattr(obj, self.store)

class Rec:
    a = Traced()
    b = Traced()

r = Rec()
print(r.a)
r.a = 1
r.b = [2]
print(r.a, r.b)
del r.a
print(r.a)
print(Rec.a)
print(Rec.__dict__["b"].__get__(r, Rec))

class Positive:
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, owner=None):
        return obj.__dict__.get(self.name, 0)
    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.name} must be positive, got {value}")
        obj.__dict__[self.name] = value
class Order:
    qty = Positive()
o = Order()
o.qty = 5
print(o.qty)
try:
    o.qty = -1
except ValueError as e:
    print(type(e).__name__, e)
