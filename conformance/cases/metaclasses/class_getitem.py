# __class_getitem__ and __mro_entries__.
class Box:
    def __class_getitem__(cls, item):
        return f"Box of {item!r}"

print(Box[int], Box["x"], Box[1, 2])
print(type(Box.__dict__["__class_getitem__"]).__name__)

class NoGetitem:
    pass
try:
    NoGetitem[int]
except TypeError as e:
    print(type(e).__name__, e)

print(list[int], dict[str, int], tuple[int, ...])
print(type(list[int]).__name__, list[int].__origin__ is list, list[int].__args__)

class Fake:
    def __mro_entries__(self, bases):
        print("mro_entries called with", len(bases), "bases")
        return (Real,)
class Real:
    def hello(self):
        return "hello from Real"

class Uses(Fake()):
    pass
print(Uses().hello(), [c.__name__ for c in Uses.__mro__])
print(Uses.__orig_bases__[0].__class__.__name__)
