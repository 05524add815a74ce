# Functions are non-data descriptors producing bound methods.
def f(self, x=1):
    return (type(self).__name__, x)

class C:
    pass

c = C()
bound = f.__get__(c, C)
print(bound(), bound(2), type(bound).__name__)
print(f.__get__(None, C) is f)
C.meth = f
print(c.meth(5))
c.inst = f
print(c.inst(5))  # plain function in the instance dict: not bound
try:
    c.inst()
except TypeError as e:
    print(type(e).__name__, e)

print(hasattr(f, "__get__"), hasattr(f, "__set__"))

class Callable:
    def __call__(self, *args):
        return ("called", len(args))
C.obj = Callable()
print(c.obj(1, 2))

import sys
print(type(len).__name__, type(sys.getrecursionlimit).__name__)
C.builtin = len
print(C.builtin("abc"))
print(type("".join).__name__, type(str.join).__name__, type(str.__dict__["join"]).__name__)
print(str.join.__get__("-")(["a", "b"]))
print(type(int.__add__).__name__, type((1).__add__).__name__)
