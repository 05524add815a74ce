# Hashes of tuples, frozensets, None-like singletons built from ints are deterministic.
print(hash(()), hash((1,)), hash((1, 2)), hash((1, (2, 3))))
print(hash((-1,)), hash((0, 0)), hash((1.5, True)))
print(hash(frozenset()), hash(frozenset({1})), hash(frozenset({1, 2, 3})))
print(hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
print(hash((1, 2)) == hash((1.0, 2.0)), hash((1, 2)) == hash((2, 1)))
print(hash(range(3)) == hash(range(0, 3, 1)), hash(range(0)) == hash(range(5, 5)))
t = (1, [2])
try:
    hash(t)
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash(frozenset([frozenset(), ()]) | {1}) is not None
    print("frozenset of hashables is hashable")
except TypeError as e:
    print(type(e).__name__, e)
print(hash(slice(1, 2)) == hash(slice(1, 2)))
try:
    hash(slice(1, []))
except TypeError as e:
    print(type(e).__name__, e)
