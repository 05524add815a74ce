# Several closures share the same cell.
def pair():
    value = 0
    def setter(v):
        nonlocal value
        value = v
    def getter():
        return value
    return setter, getter

s, g = pair()
print(g())
s(42)
print(g())
print(s.__closure__[0] is g.__closure__[0])

s2, g2 = pair()
s2("other")
print(g(), g2())

# A parameter captured by a closure is a cell.
def param_cell(p):
    def show():
        return p
    p = p * 2
    return show
print(param_cell(21)())
print(param_cell.__code__.co_cellvars)

# del of a captured variable.
def deleter():
    v = 1
    def read():
        return v
    del v
    try:
        read()
    except NameError as e:
        print(type(e).__name__, e)
deleter()
