# A signature with every parameter kind, called many ways.
def f(p1, p2=20, /, n1=30, *args, k1, k2=50, **kwargs):
    return f"p1={p1} p2={p2} n1={n1} args={args} k1={k1} k2={k2} kw={kwargs}"

print(f(1, k1=4))
print(f(1, 2, k1=4))
print(f(1, 2, 3, k1=4))
print(f(1, 2, 3, 4, 5, k1=6))
print(f(1, n1=3, k1=4, k2=5))
print(f(1, k1=4, p2="kw", p1="kw2"))
print(f(*range(6), k1="k", z="z"))
print(f(1, **{"k1": 1, "n1": 2, "other": 3}))

code = f.__code__
print(code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount)
print(code.co_varnames)
print(f.__defaults__, f.__kwdefaults__)

for bad in [lambda: f(), lambda: f(1), lambda: f(1, 2, 3, n1=3, k1=1)]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
