# Class attributes are looked up along the MRO; overriding in the middle of a chain.
class A:
    x = "A.x"
    y = "A.y"
    z = "A.z"
class B(A):
    x = "B.x"
class C(A):
    x = "C.x"
    y = "C.y"
class D(B, C):
    pass

d = D()
print(d.x, d.y, d.z)
print(D.x, D.y, D.z)
print("x" in D.__dict__, "x" in B.__dict__)
C.z = "C.z (added later)"
print(d.z)
del B.x
print(d.x)
print([getattr(k, "x", None) for k in D.__mro__])
print(D.__bases__ == (B, C), D.__base__ is B)
print([k.__name__ for k in A.__subclasses__()])
