# Ordering comparisons between unrelated types raise TypeError.
pairs = [(1, "a"), ("a", 1), (None, None), ([], ()), ({}, {}), (1j, 2j),
         (object(), object()), ({1}, [1]), (b"a", "a"), (1.5, "1.5"), (type, int)]
for a, b in pairs:
    try:
        print(a < b)
    except TypeError as e:
        print(e)
for a, b in [(1, "a"), ([1], [1, "x"]), ([1, 2], [1, "x"])]:
    try:
        print(a >= b)
    except TypeError as e:
        print(e)
try:
    sorted([3, "a", 1])
except TypeError as e:
    print(e)
try:
    max(1, None)
except TypeError as e:
    print(e)
print(1j == 1j, 1 == 1 + 0j, None == 0)
