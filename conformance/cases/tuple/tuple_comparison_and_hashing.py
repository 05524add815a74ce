# Tuple comparisons are lexicographic; tuples of hashables are hashable.
pairs = [((1, 2), (1, 2)), ((1, 2), (1, 3)), ((1,), (1, 0)), ((2,), (1, 9, 9)), ((), ()),
         (("a", 1), ("a", 1.0)), ((1, (2, 3)), (1, (2, 4)))]
for a, b in pairs:
    print(a, b, a == b, a < b, a <= b, a > b, a >= b, a != b)
d = {(1, 2): "pair", ("x",): "single", (): "empty"}
print(d[(1, 2)], d[("x",)], d[()], (1, 2) in d, [1, 2] in [[1, 2]])
s = {(1, 2), (2, 1), (1, 2)}
print(len(s), sorted(s))
try:
    {([1], 2): 1}
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print(type(e).__name__, e)
print((1, "a") < (2, 1), (float("nan"),) == (float("nan"),))
n = float("nan")
print((n,) == (n,), [n] == [n], (n, 1) < (n, 2))
