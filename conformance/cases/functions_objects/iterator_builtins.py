# enumerate, zip (strict), map, filter, reversed, iter with sentinel, next with default.
print(list(enumerate("abc")), list(enumerate("ab", start=10)), list(enumerate([], 5)))
e = enumerate(["x", "y"])
print(type(e).__name__, next(e), next(e), next(e, "end"))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1])), list(zip(*[(1, "a"), (2, "b")])))
try:
    list(zip([1, 2, 3], "ab", strict=True))
except ValueError as ex:
    print(type(ex).__name__, ex)
try:
    list(zip([1], "ab", strict=True))
except ValueError as ex:
    print(type(ex).__name__, ex)
try:
    list(zip([1], [2], [3, 4], strict=True))
except ValueError as ex:
    print(type(ex).__name__, ex)
print(list(zip([1, 2], "ab", strict=True)))
print(list(map(pow, [2, 3], [3, 2])), list(map(str.upper, "ab")), list(map(lambda *a: a, "ab", "xyz")))
try:
    list(map(pow, [1], [2, 3], strict=True))
except ValueError as ex:
    print(type(ex).__name__, ex)
print(list(filter(None, [0, 1, "", "a", None])), list(filter(str.isdigit, "a1b2")), list(filter(lambda v: v > 1, (1, 2, 3))))
print(list(reversed([1, 2, 3])), list(reversed("ab")), list(reversed(range(3))))
it = iter([1, 2, 3, 0, 5].pop, 3)
print(list(it))
print(next(iter([]), "default"), next(iter("a")), type(map(abs, [])).__name__, type(filter(None, [])).__name__, type(zip()).__name__)
try:
    map(abs)
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    enumerate(5)
except TypeError as ex:
    print(type(ex).__name__, ex)
