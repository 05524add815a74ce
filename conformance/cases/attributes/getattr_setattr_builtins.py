# getattr, setattr, hasattr, delattr builtins.
class C:
    x = 1

c = C()
print(getattr(c, "x"), getattr(c, "y", None), getattr(C, "x"))
setattr(c, "y", 2)
print(c.y, hasattr(c, "y"), hasattr(c, "z"))
delattr(c, "y")
print(hasattr(c, "y"))
setattr(c, "with space", 3)
print(getattr(c, "with space"), sorted(vars(c)))
try:
    getattr(c, "missing")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(c, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    setattr(1, "x", 2)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    delattr(c, "nope")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    setattr(object(), "a", 1)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    hasattr(c)
except TypeError as e:
    print(type(e).__name__, e)
print(getattr(1, "real"), getattr("abc", "upper")())
try:
    "abc".foo
except AttributeError as e:
    print(type(e).__name__, e)
try:
    int.bar
except AttributeError as e:
    print(type(e).__name__, e)
