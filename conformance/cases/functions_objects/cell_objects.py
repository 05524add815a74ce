# Cell objects: type, comparison, creation, and cell_contents.
def make(v):
    def get():
        return v
    return get

g1, g2 = make(1), make(2)
c1, c2 = g1.__closure__[0], g2.__closure__[0]
CellType = type(c1)
print(CellType.__name__, c1.cell_contents, c2.cell_contents)
print(c1 == c1, c1 < c2, c1 != c2)
c3 = CellType(10)
print(c3.cell_contents)
empty = CellType()
try:
    empty.cell_contents
except ValueError as e:
    print(type(e).__name__, e)
empty.cell_contents = "filled"
print(empty.cell_contents)
del empty.cell_contents
try:
    empty.cell_contents
except ValueError as e:
    print(type(e).__name__, e)
print(repr(c1).startswith("<cell at "), "int object" in repr(c1))
FunctionType = type(make)
rebuilt = FunctionType(g1.__code__, globals(), "rebuilt", None, (CellType("new value"),))
print(rebuilt(), rebuilt.__name__)
try:
    FunctionType(g1.__code__, globals())
except TypeError as e:
    print(type(e).__name__, e)
