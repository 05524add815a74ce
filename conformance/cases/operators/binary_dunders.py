# Every binary operator dispatches to its dunder.
class V:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return self.name

ops = ["add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "divmod",
       "pow", "lshift", "rshift", "and", "xor", "or"]
for op in ops:
    def method(self, other, _op=op):
        return f"{self.name}.__{_op}__({other!r})"
    setattr(V, f"__{op}__", method)

a = V("a")
print(a + 1)
print(a - 1)
print(a * 1)
print(a @ 1)
print(a / 1)
print(a // 1)
print(a % 1)
print(divmod(a, 1))
print(a ** 1)
print(pow(a, 2))
print(a << 1)
print(a >> 1)
print(a & 1)
print(a ^ 1)
print(a | 1)
print(a + a)
