# Default __eq__ is identity; __ne__ inverts __eq__ unless it is NotImplemented.
class Plain:
    pass
p, q = Plain(), Plain()
print(p == p, p == q, p != q, p != p)

class OnlyEq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print("OnlyEq.__eq__")
        if not isinstance(other, OnlyEq):
            return NotImplemented
        return self.v == other.v

print(OnlyEq(1) == OnlyEq(1))
print(OnlyEq(1) != OnlyEq(1))
print(OnlyEq(1) != OnlyEq(2))
print(OnlyEq(1) == "x")
print(OnlyEq(1) != "x")
print("x" == OnlyEq(1))

class NeverEqual:
    def __eq__(self, other):
        return False
n = NeverEqual()
print(n == n, n != n, n in [n], [n] == [n], n is n)
print(object() == object(), None == None, None != 0)
print(1 == 1.0, 1 == True, "1" == 1, [] == (), {} == [])
