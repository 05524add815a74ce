# vars() returns __dict__; without arguments it acts like locals().
class C:
    cls_attr = 1
    def __init__(self):
        self.a = 1
        self.b = 2
c = C()
print(vars(c), vars(c) is c.__dict__)
vars(c)["z"] = 26
print(c.z)
print(sorted(k for k in vars(C) if not k.startswith("__")), type(vars(C)).__name__)
def f(x, y=2):
    z = x + y
    return sorted(vars().items())
print(f(1))
for obj in (1, "s", [], object()):
    try:
        vars(obj)
    except TypeError as e:
        print(type(e).__name__, e)
class Slots:
    __slots__ = ("a",)
try:
    vars(Slots())
except TypeError as e:
    print(type(e).__name__, e)
import math
print("sqrt" in vars(math), vars(math) is math.__dict__)
try:
    vars(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
