# Keyword-only parameters after * and after *args.
def f(a, *, b, c=3):
    return a, b, c

print(f(1, b=2))
print(f(1, c=5, b=2))
try:
    f(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(1)
except TypeError as e:
    print(type(e).__name__, e)

def g(*args, key, flag=False):
    return args, key, flag

print(g(key=1))
print(g(1, 2, 3, key="k", flag=True))
try:
    g(1, 2)
except TypeError as e:
    print(type(e).__name__, e)

def h(*, x, y, z):
    return x * 100 + y * 10 + z

print(h(z=3, y=2, x=1))
try:
    h()
except TypeError as e:
    print(type(e).__name__, e)
try:
    h(x=1, y=2, z=3, w=4)
except TypeError as e:
    print(type(e).__name__, e)
print(h.__kwdefaults__, f.__kwdefaults__)
