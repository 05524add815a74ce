# The base object type: instances, default methods and their errors.
o = object()
print(type(o).__name__, isinstance(o, object), o == o, o != o, o == object())
print(hasattr(o, "__dict__"), object.__bases__, object.__base__, object.__mro__)
try:
    o.attr = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    object(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    object(key=1)
except TypeError as e:
    print(type(e).__name__, e)
print(o.__eq__(o), o.__eq__(1), o.__ne__(1), o.__lt__(o), o.__hash__() == hash(o))
print(repr(o).startswith("<object object at 0x"), str(o) == repr(o), format(o, "") == str(o))
print(object.__name__, object.__qualname__, object.__module__, type(object).__name__)
print(sorted(n for n in dir(o) if n in ("__class__", "__doc__", "__init__", "__new__", "__repr__")))
print(o.__class__ is object, o.__sizeof__() > 0, o.__reduce_ex__(2)[0].__name__ if False else "skip")
print(issubclass(int, object), issubclass(type, object), isinstance(object, type), isinstance(type, object))
class Plain:
    pass
p = Plain()
print(p.__dict__, type(p.__dict__).__name__, Plain.__bases__ == (object,), p.__module__)
