# Iterable unpacking in assignments, star targets, nested targets, errors.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abc"
print(init, last)
x, *mid, y = range(5)
print(x, mid, y)
p, *q = [1]
print(p, q)
(c, d), e = (1, 2), 3
print(c, d, e)
[f, [g, *h]] = [1, (2, 3, 4)]
print(f, g, h)
i = j = k = "same"
print(i, j, k)
for n, (s, t) in enumerate([("a", "b"), ("c", "d")]):
    print(n, s, t)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b = {"only": 1}
except ValueError as e:
    print(type(e).__name__, e)
lst = [0, 0, 0]
lst[0], lst[1:] = 1, [2, 3, 4]
print(lst)
class O: pass
o = O()
o.a, o.b = "attr", "ibutes"
print(o.a + o.b)
print([*range(3), *"ab"], (*[1], *[2]), {*[1, 1, 2]})
