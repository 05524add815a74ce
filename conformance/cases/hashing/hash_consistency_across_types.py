# Equal values of different numeric types hash equal, and dict/set lookups agree.
pairs = [(1, 1.0), (0, -0.0), (2 ** 70, float(2 ** 70)), (1.5, complex(1.5, 0)), (True, 1), (False, 0.0)]
for a, b in pairs:
    print(repr(a), repr(b), a == b, hash(a) == hash(b))
d = {1: "int"}
print(d[1.0], d[True], d.get(1 + 0j), 1.0 in {1}, 0.5 in {0.5 + 0j})
print(len({1, 1.0, True, 1 + 0j}), len({0, 0.0, -0.0, False, 0j}))
print(hash(10 ** 20) == hash(float(10 ** 20)), 10 ** 20 == float(10 ** 20))
print(hash(2 ** 53 + 1) == hash(float(2 ** 53 + 1)), 2 ** 53 + 1 == float(2 ** 53 + 1))
print(hash("a") == hash("a"), hash(("a", 1)) == hash(("a", 1.0)), hash(frozenset({1})) == hash(frozenset({1.0})))
print(hash(-1) == hash(-1.0) == hash(-1 + 0j), hash(-1), hash(-1.0))
print(hash(0.1) == hash(0.1), hash(1e-300) == hash(1e-300), hash(float("inf")) == hash(10 ** 400 * 0 + float("inf")))
