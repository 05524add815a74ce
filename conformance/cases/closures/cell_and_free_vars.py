# Cell and free variables, __closure__ and cell_contents.
def outer(a):
    b = a * 2
    def inner(c):
        return a + b + c
    return inner

f = outer(5)
print(f(1))
print(outer.__code__.co_cellvars)
print(f.__code__.co_freevars)
print(len(f.__closure__))
print([type(c).__name__ for c in f.__closure__])
print([c.cell_contents for c in f.__closure__])
print(outer.__closure__)

# Cells can be written through.
f.__closure__[0].cell_contents = 100
print(f(1))

def no_free():
    return 1
print(no_free.__closure__, no_free.__code__.co_freevars)

# An empty cell raises ValueError on access.
def make_empty():
    def g():
        return x
    cell = g.__closure__[0]
    try:
        cell.cell_contents
    except ValueError as e:
        print(type(e).__name__, e)
    x = 1
    print(cell.cell_contents)
make_empty()
