# Ellipsis and the __index__ protocol in slicing.
print(..., Ellipsis, repr(...), type(...).__name__, ... is Ellipsis, bool(...))
class I:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
lst = list(range(10))
print(lst[I(2)], lst[I(1):I(4)], lst[::I(3)], "abcdef"[I(-1)], (1, 2, 3)[I(0):I(2)])
print(slice(I(1), I(5)).indices(10), range(I(3)), [0] * I(3), "ab" * I(2))
print(bin(I(5)), hex(I(255)), oct(I(8)), int(I(7)) if hasattr(I, "__int__") else "int() uses __index__:", int(I(7)))
class NotIdx:
    pass
for bad in (lambda: lst[NotIdx()], lambda: lst[NotIdx():], lambda: "x" * NotIdx()):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
class BadIdx:
    def __index__(self):
        return "not int"
try:
    lst[BadIdx()]
except TypeError as e:
    print(type(e).__name__, e)
print(lst[True], lst[False:True], "abc"[-True])
