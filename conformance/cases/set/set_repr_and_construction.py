# Set construction and repr; sorted output for stable comparisons of strings.
print(set(), frozenset(), {1}, frozenset({1}), set([1, 1, 2]), set(range(3)))
print(sorted(set("mississippi")), sorted({"b", "a", "c"}), sorted(frozenset("xyx")))
print({(1, 2), (1, 2)}, len({1, 1.0, True}), {1, 1.0, True}, {0, False, 0.0})
print(set({"k": 1}), set(x % 3 for x in range(10)), {n * n for n in range(4)})
print(repr({frozenset({1})}), set([frozenset()]), type({1}).__name__, type(frozenset()).__name__)
print(len(set(range(1000))), 999 in set(range(1000)), sorted({-1, -2, 3}))
for bad in ([[1]], [{1}], [{}]):
    try:
        set(bad)
    except TypeError as e:
        print(type(e).__name__, e)
class MySet(set):
    pass
m = MySet([1, 2])
print(type(m | {3}).__name__, type(m.copy()).__name__, sorted(m), repr(MySet()))
print(frozenset([1, 2]) in {frozenset([2, 1])}, {1, 2} == frozenset([1, 2]), hash(frozenset()) == hash(frozenset()))
print(sorted({"pear", "apple", "fig"}), min({5, 3, 9}), max(frozenset({5, 3, 9})), sum({1, 2, 3}))
