# The singletons None, NotImplemented and Ellipsis.
print(None, repr(None), type(None).__name__, None is None, None == None, bool(None), str(None))
NoneType = type(None)
print(NoneType() is None, NoneType.__name__)
try:
    NoneType(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    None.attr = 1
except AttributeError as e:
    print(type(e).__name__, e)
nothing = None
try:
    nothing()
except TypeError as e:
    print(type(e).__name__, e)
try:
    nothing[0]
except TypeError as e:
    print(type(e).__name__, e)
print(hash(None) == hash(None), None.__eq__(None), None.__eq__(0), None.__bool__())
print(NotImplemented, type(NotImplemented)() is NotImplemented, repr(NotImplemented))
print(Ellipsis, ..., type(...)() is ..., repr(Ellipsis), ... == Ellipsis)
print(sorted([3, 1], key=lambda v: (v is None, v)), [None, 0, ""].count(None))
def f():
    pass
print(f(), f() is None, print() is None)
try:
    None < None
except TypeError as e:
    print(type(e).__name__, e)
