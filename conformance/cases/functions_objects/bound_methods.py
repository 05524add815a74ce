# Bound method objects: __self__, __func__, equality, and calling.
class C:
    def __init__(self, name):
        self.name = name
    def greet(self, greeting="hi"):
        return f"{greeting} {self.name}"
    def __repr__(self):
        return f"C({self.name})"

a, b = C("a"), C("b")
m = a.greet
print(m(), m("hello"), m.__self__, m.__func__ is C.greet, m.__name__, m.__qualname__)
print(type(m).__name__, m == a.greet, m == b.greet, a.greet is a.greet)
print(C.greet(b), C.greet(b, "yo"), m.__doc__)
methods = [x.greet for x in (a, b)]
print([mm() for mm in methods])
print(hash(a.greet) == hash(a.greet))
try:
    m.new_attr = 1
except AttributeError as e:
    print(type(e).__name__, e)
C.greet.tag = "tagged"
print(m.tag)
print(repr(m).startswith("<bound method C.greet of C(a)>"))
bm = [].append
print(type(bm).__name__, bm.__self__, bm.__name__, bm.__qualname__)
bm(1)
print(bm.__self__)
print(type((1).__add__).__name__, (1).__add__.__self__, (1).__add__.__name__)
MethodType = type(a.greet)
bound = MethodType(lambda self: f"manual bind to {self}", b)
print(bound())
