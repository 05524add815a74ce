# __instancecheck__ and __subclasscheck__ on a metaclass.
class DuckMeta(type):
    def __instancecheck__(cls, obj):
        print("instancecheck", type(obj).__name__)
        return hasattr(obj, "quack")
    def __subclasscheck__(cls, sub):
        print("subclasscheck", sub.__name__)
        return hasattr(sub, "quack")

class Duck(metaclass=DuckMeta):
    pass

class Mallard:
    def quack(self):
        return "quack"
class Dog:
    pass

print(isinstance(Mallard(), Duck))
print(isinstance(Dog(), Duck))
print(issubclass(Mallard, Duck))
print(issubclass(Dog, Duck))
print(isinstance(Mallard(), (int, Duck)))
# An exact type match short-circuits __instancecheck__.
d = Duck()
print(isinstance(d, Duck))

class Liar(type):
    def __instancecheck__(cls, obj):
        return "yes"
class Anything(metaclass=Liar):
    pass
print(isinstance(1, Anything))
