# Each comparison operator calls its own dunder, which may return anything.
class C:
    def __init__(self, n):
        self.n = n
    def __eq__(self, o): return f"eq({self.n},{o})"
    def __ne__(self, o): return f"ne({self.n},{o})"
    def __lt__(self, o): return f"lt({self.n},{o})"
    def __le__(self, o): return f"le({self.n},{o})"
    def __gt__(self, o): return f"gt({self.n},{o})"
    def __ge__(self, o): return f"ge({self.n},{o})"
    def __repr__(self): return f"C{self.n}"

a = C(1)
print(a == 2, a != 2, a < 2, a <= 2, a > 2, a >= 2)
# Reflection: 2 < a becomes a > 2 and so on.
print(2 == a, 2 != a, 2 < a, 2 <= a, 2 > a, 2 >= a)
print(a == C(2), C(2) < a)
print(sorted([C(3), C(1)], key=lambda c: c.n))
print([1, 2] < [1, 3], (1, "a") < (1, "b"), "abc" < "abd", b"a" < b"b")
print({1, 2} < {1, 2, 3}, {1} <= {1}, {1, 2} > {1}, {1} >= {2})
