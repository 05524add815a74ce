# Lambdas support every parameter kind.
f = lambda a, /, b, *args, c, d=4, **kw: (a, b, args, c, d, sorted(kw))
print(f(1, 2, c=3))
print(f(1, 2, 3, 4, c=5, d=6, e=7, f=8))

g = lambda *, x=1: x
print(g(), g(x=5))

h = lambda: "nothing"
print(h())

k = lambda x, y=2: x ** y
print(k(3), k(3, 3), k(y=0, x=10))

print((lambda *a: a)(1, 2))
print((lambda **k: k)(a=1))
print(f.__name__, g.__name__)
print(f.__code__.co_argcount, f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount)

try:
    k()
except TypeError as e:
    print(type(e).__name__, e)
try:
    g(1)
except TypeError as e:
    print(type(e).__name__, e)
