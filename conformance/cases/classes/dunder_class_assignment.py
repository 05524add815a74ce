# Assigning __class__ on instances and __bases__ on classes.
class A:
    def who(self):
        return "A"
class B:
    def who(self):
        return "B"

obj = A()
print(obj.who())
obj.__class__ = B
print(obj.who(), type(obj).__name__, isinstance(obj, A))

try:
    obj.__class__ = int
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1).__class__ = bool
except TypeError as e:
    print(type(e).__name__, e)

class Base1:
    x = 1
class Base2:
    x = 2
class Child(Base1):
    pass
print(Child.x)
Child.__bases__ = (Base2,)
print(Child.x, [c.__name__ for c in Child.__mro__])
try:
    Child.__bases__ = ()
except TypeError as e:
    print(type(e).__name__, e)
