# tuple.count/index with ranges, repetition, and constructor errors.
t = (1, 2, 3, 2, 1, 2)
print(t.count(2), t.count(9), t.count(1.0), t.index(2), t.index(2, 2), t.index(2, -2), t.index(1, 1, 5))
for args in ((9,), (2, 4, 5), (1, 1, 4)):
    try:
        t.index(*args)
    except ValueError as e:
        print(type(e).__name__, e)
print(t * 0, t * -2, (1,) * 3, (t * 2)[5:8], len(t * 100))
try:
    t * 1.5
except TypeError as e:
    print(type(e).__name__, e)
try:
    tuple(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    tuple([1], [2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    t[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    t["a"]
except TypeError as e:
    print(type(e).__name__, e)
print(t.__len__(), t.__getitem__(-1), t.__contains__(3), tuple.__add__((1,), (2,)), t.__mul__(1) is t)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested), sum(len(x) for x in nested), repr(nested))
print(tuple(reversed(t)), tuple(sorted(t)), tuple(x for x in t if x > 1), tuple({3: 0, 1: 0}))
