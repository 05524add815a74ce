# __slots__ given as a dict (docstrings), list, or iterator.
class Documented:
    __slots__ = {"a": "the a attribute", "b": "the b attribute"}
print(Documented.a.__doc__, Documented.b.__doc__)
d = Documented()
d.a = 1
print(d.a)

class FromList:
    __slots__ = ["p", "q"]
f = FromList()
f.p, f.q = "P", "Q"
print(f.p + f.q, type(FromList.__slots__).__name__)

class FromIter:
    __slots__ = iter(["m", "n"])
fi = FromIter()
fi.m = 1
print(fi.m, type(FromIter.__slots__).__name__)

class Child(Documented):
    __slots__ = ("c",)
ch = Child()
ch.a, ch.c = 1, 3
print(ch.a, ch.c)
try:
    ch.d = 4
except AttributeError as e:
    print(type(e).__name__, e)
print(hasattr(Child(), "b"))
