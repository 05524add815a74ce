# super(type, obj), super(type, type2), unbound super and its attributes.
class A:
    def m(self):
        return "A.m"
    @classmethod
    def c(cls):
        return "A.c " + cls.__name__
class B(A):
    def m(self):
        return "B.m"
class C(B):
    def m(self):
        return "C.m"

obj = C()
print(super(C, obj).m(), super(B, obj).m())
print(super(C, C).c(), super(B, C).c())
print(super(C, C).m(obj))
s = super(B, obj)
print(s.__thisclass__.__name__, s.__self__ is obj, s.__self_class__.__name__)
print(repr(super(B, obj)))
try:
    super(B, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    super(A, obj).m()
except AttributeError as e:
    print(type(e).__name__, e)
try:
    super(C, obj).nothing
except AttributeError as e:
    print(type(e).__name__, e)
u = super(B)
print(u.__self__, u.__thisclass__.__name__)
