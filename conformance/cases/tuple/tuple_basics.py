# Tuple construction, packing, indexing, methods and immutability.
t = (1, 2, 3, 2)
print(t, t[0], t[-1], t[1:3], t[::-1], len(t), t.count(2), t.index(3), t.index(2, 2))
print((), (1,), tuple(), tuple("ab"), tuple([1, 2]), tuple(range(3)), tuple({"k": 1}))
single = 1,
print(single, type(single).__name__, (1), type((1)).__name__)
a, b = t[:2]
print(a, b)
print(t + (4,), t * 2, 2 * (0,), (1, 2) < (1, 3), (1, 2) == (1, 2), 2 in t)
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    t.index(9)
except ValueError as e:
    print(type(e).__name__, e)
try:
    t + [4]
except TypeError as e:
    print(type(e).__name__, e)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
m = ([1], 2)
m[0].append(99)
print(m, repr(()), repr((None,)), str((1, "a")))
print(hash((1, 2)) == hash((1, 2)), tuple(t) is t, t[:] is t, (t + ()) is t)
