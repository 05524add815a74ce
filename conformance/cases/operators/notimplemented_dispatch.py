# NotImplemented makes Python try the other operand; otherwise TypeError.
class A:
    def __add__(self, other):
        print("A.__add__")
        return NotImplemented
    def __radd__(self, other):
        print("A.__radd__")
        return NotImplemented
    def __repr__(self):
        return "A()"

class B:
    def __radd__(self, other):
        print("B.__radd__")
        return "B handled it"

print(A() + B())
try:
    A() + A()
except TypeError as e:
    print(type(e).__name__, e)
try:
    A() + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 + A()
except TypeError as e:
    print(type(e).__name__, e)
try:
    x = A()
    x += A()
except TypeError as e:
    print(type(e).__name__, e)

print(repr(NotImplemented), type(NotImplemented).__name__)
try:
    bool(NotImplemented)
except TypeError as e:
    print(type(e).__name__, e)
print((1).__add__(1.5), (1.5).__radd__(1), "a".__add__("b"))
print([].__add__([1]), (1).__add__("x"), (1.5).__add__("x"))
try:
    [].__add__(())  # list's sq_concat raises instead of returning NotImplemented
except TypeError as e:
    print(type(e).__name__, e)
