# Sorting edge cases: NaN, mixed numeric types, custom __lt__, key errors.
class Item:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return f"Item({self.v})"
print(sorted([Item(3), Item(1), Item(2)]))
print(sorted([Item(2), Item(1)], reverse=True))
print(min(Item(5), Item(4)), max([Item(1), Item(9), Item(3)]))
class OnlyGt:
    def __init__(self, v):
        self.v = v
    def __gt__(self, other):
        return self.v > other.v
    def __repr__(self):
        return f"G{self.v}"
print(sorted([OnlyGt(2), OnlyGt(1), OnlyGt(3)]))
print(sorted([1, 2.5, True, 0, -1.5]), sorted([3, 1, 2], key=lambda v: 0))
print(sorted([(1, "b"), (1, "a"), (0, "z")]), sorted(["", "a", "A", "ä", "Z", "1"]))
try:
    sorted([1, 2, 3], key=lambda v: 1 / (v - 2))
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    sorted([Item(1), 2])
except TypeError as e:
    print(type(e).__name__, e)
big = list(range(1000, 0, -1))
big.sort()
print(big[:5], big[-5:], big == sorted(big))
lst = [(2, "x"), (1, "y"), (2, "a"), (1, "b")]
lst.sort(key=lambda t: t[0])
print(lst)
