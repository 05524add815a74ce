# Generator expressions are lazy; the first iterable is evaluated immediately.
def source(n):
    print("source called")
    return range(n)

g = (x * 2 for x in source(3))
print("generator created")
print(next(g), list(g))

try:
    g = (x for x in 5)
except TypeError as e:
    print("eager error:", type(e).__name__, e)

def cond(x):
    print("cond", x)
    return x % 2 == 0
g = (x for x in range(4) if cond(x))
print(type(g).__name__)
print(list(g))

pairs = ((a, b) for a in range(2) for b in "xy")
print(list(pairs))
print(sum(x * x for x in range(10)))
print(max((len(w), w) for w in ["aa", "b", "ccc"]))
print(sorted(c for c in "hello"), "".join(c.upper() for c in "abc"))
g = (i for i in range(3))
print(g.__name__, g.__qualname__)
nested = (list(y for y in range(x)) for x in range(4))
print(list(nested))
try:
    g = (1 / x for x in [1, 0])
    print(list(g))
except ZeroDivisionError as e:
    print(type(e).__name__, e)
