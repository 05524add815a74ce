# Reflected operands: __rX__ is tried when the left operand cannot handle the operation.
class R:
    def __repr__(self):
        return "r"

ops = ["add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "divmod",
       "pow", "lshift", "rshift", "and", "xor", "or"]
for op in ops:
    def method(self, other, _op=op):
        return f"r.__r{_op}__({other!r})"
    setattr(R, f"__r{op}__", method)

r = R()
print(1 + r)
print(1 - r)
print("s" * r)
print(1 @ r)
print(1 / r)
print(1 // r)
print(1 % r)
print(divmod(1, r))
print(2 ** r)
print(1 << r)
print(1 >> r)
print(1 & r)
print(1 ^ r)
print(1 | r)
print(pow(2, r))
try:
    r + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    pow(2, r, 5)
except TypeError as e:
    print(type(e).__name__, e)
