# Positional-only parameters (PEP 570) and their errors.
def f(a, b, /, c, d=4):
    return (a, b, c, d)

print(f(1, 2, 3))
print(f(1, 2, c=3))
print(f(1, 2, 3, d=5))
print(f(1, 2, c=3, d=6))

try:
    f(1, b=2, c=3)
except TypeError as e:
    print(type(e).__name__, e)

try:
    f(a=1, b=2, c=3)
except TypeError as e:
    print(type(e).__name__, e)

# A positional-only name can also be used as a **kwargs key.
def g(x, /, **kw):
    return x, sorted(kw.items())

print(g(1, x=2))
print(g(10, y=3, x=4))

def h(a=1, b=2, /):
    return a + b

print(h(), h(10), h(10, 20))
try:
    h(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
