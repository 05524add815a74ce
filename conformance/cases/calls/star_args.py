# *args collects extra positional arguments into a tuple.
def f(a, *args):
    return a, args, type(args).__name__

print(f(1))
print(f(1, 2, 3))
print(f(*[1, 2, 3]))
print(f(*"abc"))
print(f(*range(4)))
print(f(0, *(1, 2), *[3], 4))

def count(*args):
    return len(args)

print(count(), count(*()), count(*{}, *set()), count(*{"x": 1, "y": 2}))

def gen():
    yield 1
    yield 2
print(f(*gen()))

try:
    f(*5)
except TypeError as e:
    print(type(e).__name__, e)

try:
    f(*None)
except TypeError as e:
    print(type(e).__name__, e)

try:
    f()
except TypeError as e:
    print(type(e).__name__, e)
