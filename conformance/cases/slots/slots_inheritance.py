# Slots with inheritance; a subclass without __slots__ gets a __dict__.
class A:
    __slots__ = ("a",)
class B(A):
    __slots__ = ("b",)
class C(B):
    pass

b = B()
b.a, b.b = 1, 2
print(b.a, b.b, hasattr(b, "__dict__"))
try:
    b.c = 3
except AttributeError as e:
    print(type(e).__name__, e)
c = C()
c.a, c.b, c.c = 1, 2, 3
print(c.__dict__, c.a)

class D:
    __slots__ = ("v", "__dict__")
d = D()
d.v = 1
d.other = 2
print(d.v, d.__dict__)

class W:
    __slots__ = ("__weakref__",)
print(hasattr(W(), "__dict__"))

class Private:
    __slots__ = ("__secret",)
    def __init__(self):
        self.__secret = "hidden"
    def reveal(self):
        return self.__secret
print(Private().reveal(), Private.__slots__, "_Private__secret" in Private.__dict__)
