# C3 linearization for a diamond and method lookup along the MRO.
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B"
class C(A):
    def who(self):
        return "C"
    def only_c(self):
        return "only C"
class D(B, C):
    pass

def names(cls):
    return [k.__name__ for k in cls.__mro__]

print(names(D))
print(D().who(), D().only_c())
print(names(type("E", (C, B), {})))
print(D.mro() == list(D.__mro__), type(D.__mro__).__name__)
print(names(bool), names(object))
print([k.__name__ for k in type.mro(D)])
