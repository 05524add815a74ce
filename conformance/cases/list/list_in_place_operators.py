# In-place operators on lists mutate; binary operators create new lists.
a = [1, 2]
alias = a
a += [3]
print(a, alias, a is alias)
a = a + [4]
print(a, alias, a is alias)
b = [0]
b_alias = b
b *= 3
print(b, b_alias is b)
b *= 0
print(b, b_alias)
c = [1]
c *= -1
print(c)
d = [1, 2]
d.__iadd__([3])
print(d, d.__imul__(2), d)
try:
    d += 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    d *= "x"
except TypeError as e:
    print(type(e).__name__, e)
e = [1, 2, 3]
e[1:2] += ["x"] if False else []
print(e)
t = ([1],)
try:
    t[0] += [2]
except TypeError as err:
    print(type(err).__name__, err)
print(t)
