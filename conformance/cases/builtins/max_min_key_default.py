# max() and min() with iterables, several arguments, key and default.
print(max([3, 1, 2]), min([3, 1, 2]), max(3, 1, 2), min("hello"), max("a", "B"), max([1.5, 2, True]))
words = ["apple", "fig", "banana", "kiwi"]
print(max(words, key=len), min(words, key=len), max(words, key=lambda w: w[-1]), min(*words, key=len))
print(max([], default="empty"), min([], default=None), max([5], default=0), max((), key=len, default=-1))
print(max([1, 3, 3.0, 2]), max([3.0, 3, 2]), min([(1, "b"), (1, "a")]), max({"a": 3, "b": 1}))
print(max([2, 1, 2], key=lambda v: v), max(x for x in range(5)), min(iter("zyx")))
data = [("a", 2), ("b", 2), ("c", 1)]
print(max(data, key=lambda t: t[1]), min(data, key=lambda t: t[1]))
for bad in (lambda: max([]), lambda: min(()), lambda: max(1), lambda: max(1, 2, default=0),
            lambda: max([1, "a"]), lambda: min(), lambda: max([1], key=5), lambda: max([1], foo=1)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(max(float("nan"), 1), max(1, float("nan")), min([0, -0.0]), min([-0.0, 0]))
