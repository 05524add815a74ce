# Forms of list comprehensions.
print([x for x in range(5)])
print([x * y for x in range(1, 4) for y in range(1, 4) if x != y])
print([x if x % 2 else -x for x in range(6)])
print([(i, c) for i, c in enumerate("abc") if c != "b"])
print([[r * 3 + c for c in range(3)] for r in range(3)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(col) for col in zip(*matrix)], [v for row in matrix for v in row])
print([y for x in [[1, 2], [3]] for y in x if y > 1])
print([n for n in range(30) if n % 2 if n % 3], [len(w) for w in "the quick brown fox".split()])
print([a + b for a, b in [(1, 2), (3, 4)]], [k for k in {"x": 1, "y": 2}])
print([i for i in range(3) for _ in range(i)], [c * 2 for c in "ab"], [None for _ in range(2)])
print([(yield_ := v) for v in range(3)], yield_)
print([f(1) for f in (lambda x: x + 1, lambda x: x * 10)])
