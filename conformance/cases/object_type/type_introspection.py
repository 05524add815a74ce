# type objects: names, bases, mro, subclasses, and type() calls.
class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
print(type(D).__name__, D.__name__, D.__qualname__, D.__module__)
print([k.__name__ for k in D.__bases__], [k.__name__ for k in D.__mro__])
print(sorted(k.__name__ for k in A.__subclasses__()), B.__subclasses__()[0].__name__)
print(type(A) is type, type(type) is type, isinstance(A, type), issubclass(type, type))
print(type.__name__, type.__bases__, type.__mro__)
print(type(1) is int, type(int) is type, type(None).__name__, type(NotImplemented).__name__, type(...).__name__)
A.__name__ = "Renamed"
print(A.__name__, repr(A).endswith("Renamed'>"))
try:
    A.__name__ = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    int.__name__ = "integer"
except TypeError as e:
    print(type(e).__name__, e)
try:
    int.new_attribute = 1
except TypeError as e:
    print(type(e).__name__, e)
print(type.__dict__["__name__"].__class__.__name__, "mro" in dir(type))
print(repr(int), repr(type), repr(object), str(D).split(".")[-1], D.__dict__.get("__doc__"))
print(sorted(k for k in vars(D) if not k.startswith("__")), D.__doc__)
print(type.__call__(int, "7"), type.__instancecheck__(int, 3), type.__subclasscheck__(int, bool))
