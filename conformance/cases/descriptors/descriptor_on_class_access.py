# Descriptors accessed through the class, and descriptors on metaclasses.
class Desc:
    def __get__(self, obj, owner=None):
        return ("instance" if obj is not None else "class", owner.__name__)

class A:
    d = Desc()
class B(A):
    pass

print(A.d, A().d, B.d, B().d)
print(type(A.__dict__["d"]).__name__)

class Meta(type):
    md = Desc()
class M(metaclass=Meta):
    pass
print(M.md)
try:
    M().md
except AttributeError as e:
    print(type(e).__name__, e)

class NoOwner:
    def __get__(self, obj, owner):
        return owner
class Z:
    n = NoOwner()
print(Z.n is Z, Z().n is Z)

class SetOnClass:
    def __get__(self, obj, owner=None):
        return "desc"
    def __set__(self, obj, value):
        print("never for class assignment")
class Y:
    s = SetOnClass()
Y.s = "plain value"
print(Y.s, Y().s)
