# Set and frozenset operators.
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(a <= b, {3, 4} <= b, {3, 4} < b, b < b, b <= b, a >= {1}, a > a, a == {4, 3, 2, 1})
fa = frozenset(a)
print(type(fa | b).__name__, type(b | fa).__name__, type(fa & {1}).__name__, fa == a)
c = {1, 2}
alias = c
c |= {3}
c &= {2, 3, 4}
c -= {9}
c ^= {5}
print(sorted(c), alias is c)
f = frozenset({1})
f_alias = f
f |= {2}
print(sorted(f), sorted(f_alias), f is f_alias)
for bad in (lambda: a | [1], lambda: a - "x", lambda: a < [1], lambda: a + b):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
print(set() == frozenset(), {1} != {1.0}, {1, 2} != {1, 3}, set("abc") ^ set("bcd") == {"a", "d"})
