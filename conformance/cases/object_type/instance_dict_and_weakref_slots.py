# __dict__ of instances and classes; __weakref__; vars() and mappingproxy.
class C:
    x = 1
c = C()
print(c.__dict__, type(C.__dict__).__name__, "x" in C.__dict__, "__weakref__" in C.__dict__)
c.__dict__["y"] = 2
print(c.y, vars(c))
c.__dict__ = {"replaced": True}
print(c.replaced, vars(c))
try:
    c.__dict__ = []
except TypeError as e:
    print(type(e).__name__, e)
try:
    C.__dict__["z"] = 3
except TypeError as e:
    print(type(e).__name__, e)
proxy = C.__dict__
C.w = 5
print("w" in proxy, proxy["w"], len(proxy) > 3, type(proxy.copy()).__name__)
del c.__dict__
print(vars(c))
class WithSlots:
    __slots__ = ()
print(hasattr(WithSlots(), "__dict__"), hasattr(WithSlots(), "__weakref__"))
print(sorted(k for k in type(c).__dict__ if k.startswith("__w") or k.startswith("__d")))
