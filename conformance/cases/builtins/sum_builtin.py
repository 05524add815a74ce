# sum() with start values, floats (compensated summation) and type errors.
print(sum([1, 2, 3]), sum([]), sum([], 10), sum(range(101)), sum([1, 2], start=10))
print(sum([0.1] * 10), sum([0.1] * 10) == 1.0, sum([1e100, 1.0, -1e100]), sum([0.1, 0.2, 0.3]))
print(sum([1, 2.5, True]), sum([1j, 2]), sum([[1], [2, 3]], []), sum([(1,), (2,)], ()))
print(sum(x * x for x in range(10)), sum({1: "a", 2: "b"}), sum([2 ** 64, 2 ** 64]))
print(sum([float("inf"), 1.0]), sum([float("inf"), float("-inf")]), sum([1e308, 1e308]))
for bad in ((["a", "b"], ""), ([b"a"], b""), ([bytearray(b"a")], bytearray()), ([1, "a"],), (5,)):
    try:
        sum(*bad)
    except TypeError as e:
        print(type(e).__name__, e)
class V:
    def __init__(self, n):
        self.n = n
    def __add__(self, other):
        return V(self.n + (other.n if isinstance(other, V) else other))
    def __radd__(self, other):
        return V(other + self.n)
print(sum([V(1), V(2)]).n, sum([V(1)], V(10)).n)
