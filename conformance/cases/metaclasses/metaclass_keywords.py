# Class keyword arguments go to the metaclass.
class Meta(type):
    def __new__(mcls, name, bases, ns, *, prefix="", **rest):
        ns = {prefix + k if not k.startswith("__") else k: v for k, v in ns.items()}
        cls = super().__new__(mcls, name, bases, ns, **rest)
        cls.prefix_used = prefix
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)

class A(metaclass=Meta, prefix="my_"):
    value = 1
    def go(self):
        return "go"

print(A.my_value, A().my_go(), A.prefix_used, hasattr(A, "value"))

class B(A):
    other = 2
print(B.other, B.prefix_used, type(B).__name__)

kwargs = {"metaclass": Meta, "prefix": "kw_"}
class C(**kwargs):
    z = 3
print(C.kw_z)

try:
    class D(metaclass=Meta, bogus=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)
