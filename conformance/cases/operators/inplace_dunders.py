# In-place operators use __iX__, falling back to __X__ then __rX__.
class I:
    def __init__(self, tag):
        self.tag = tag
    def __repr__(self):
        return self.tag

ops = {"add": "+=", "sub": "-=", "mul": "*=", "matmul": "@=", "truediv": "/=",
       "floordiv": "//=", "mod": "%=", "pow": "**=", "lshift": "<<=",
       "rshift": ">>=", "and": "&=", "xor": "^=", "or": "|="}
for op in ops:
    def method(self, other, _op=op):
        return I(f"{self.tag}.__i{_op}__({other})")
    setattr(I, f"__i{op}__", method)

for op, sym in ops.items():
    x = I("x")
    exec(f"x {sym} 1")
    print(sym, x)

class OnlyBinary:
    def __add__(self, other):
        return "binary __add__"
    def __radd__(self, other):
        return "binary __radd__"
y = OnlyBinary()
y += 1
print(y)
z = 5
z += OnlyBinary()
print(z)

class ReturnsNI:
    def __iadd__(self, other):
        return NotImplemented
    def __add__(self, other):
        return "fell back to __add__"
w = ReturnsNI()
w += 1
print(w)
