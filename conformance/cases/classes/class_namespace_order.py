# The class namespace keeps definition order; class body runs top to bottom.
print("before class")
class Ordered:
    print("body start")
    z = 1
    a = 2
    def m(self): pass
    b = z + a
    print("body end, b =", b)

print([k for k in Ordered.__dict__ if not k.startswith("__")])
print(Ordered.__dict__["b"])

class WithDunders:
    """doc"""
    x = 1
keys = list(WithDunders.__dict__)
print(keys[:3])
print("__dict__" in keys, "__weakref__" in keys)

class Empty:
    pass
print(sorted(Empty.__dict__))

class Sub(Empty):
    pass
print(sorted(Sub.__dict__))
