# isinstance and issubclass with classes, tuples and builtin types.
class A: pass
class B(A): pass
class C: pass

b = B()
print(isinstance(b, A), isinstance(b, B), isinstance(b, C))
print(isinstance(b, (C, A)), isinstance(b, (C, (int, B))))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (C, A)))
print(issubclass(A, A), issubclass(A, object), issubclass(type, object))
print(isinstance(True, int), isinstance(1, bool), issubclass(bool, int))
print(isinstance(A, type), isinstance(type, type), isinstance(object, type))
print(isinstance(None, type(None)), isinstance(1.0, (int, float)))
print(isinstance(b, ()), issubclass(B, ()))
print(isinstance("s", str | bytes), isinstance(3, int | None))
print(issubclass(bool, int | str))

try:
    isinstance(b, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(b, A)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(B, "A")
except TypeError as e:
    print(type(e).__name__, e)
print(type(b) is B, type(b) == A)
