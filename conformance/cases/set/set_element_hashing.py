# Set membership relies on __hash__ and __eq__; sets of sets need frozenset.
class P:
    def __init__(self, x):
        self.x = x
    def __hash__(self):
        return hash(self.x)
    def __eq__(self, other):
        return isinstance(other, P) and self.x == other.x
    def __repr__(self):
        return f"P({self.x})"
s = {P(1), P(2), P(1)}
print(len(s), P(1) in s, P(3) in s, sorted(s, key=lambda p: p.x))
nested = {frozenset({1, 2}), frozenset({2, 1}), frozenset()}
print(len(nested), frozenset({1, 2}) in nested, {1, 2} in nested)
try:
    {{1}}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {1}.add([2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1] in {1}
except TypeError as e:
    print(type(e).__name__, e)
print({1, 2} in [{1, 2}], {1}.__contains__(1), set.__len__({1, 2}))
nan = float("nan")
print(len({nan, nan}), len({float("nan"), float("nan")}), {0.0, -0.0})
s2 = {1, 2, 3}
try:
    for v in s2:
        s2.discard(v)
except RuntimeError as e:
    print(type(e).__name__, e)
