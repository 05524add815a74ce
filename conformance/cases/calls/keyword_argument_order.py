# Keyword arguments keep call order in **kwargs; evaluation is left to right.
order = []
def val(tag, v):
    order.append(tag)
    return v

def f(*args, **kwargs):
    return args, list(kwargs.items())

print(f(val("a", 1), y=val("b", 2), x=val("c", 3)))
print(order)
order.clear()
print(f(val("p", 0), *[val("q", 1)], z=val("r", 2), **{"w": val("s", 3)}))
print(order)

# Keyword arguments are matched by name regardless of order.
def g(a, b, c):
    return a, b, c
print(g(c=1, a=2, b=3))
print(g(1, c=2, b=3))

# Default arguments referencing earlier globals.
x = 10
def h(y=x):
    return y
x = 20
print(h())

# Calling objects that are not functions.
print(int("42"), str(1), list("ab"))
one, text = 1, "abc"
try:
    one()
except TypeError as e:
    print(type(e).__name__, e)
try:
    text()
except TypeError as e:
    print(type(e).__name__, e)
