# Comprehensions do not leak their variables; the walrus operator binds outside.
i = "outer i"
squares = [i * i for i in range(4)]
print(squares, i)

evens = {k for k in range(6) if k % 2 == 0}
print(sorted(evens))
print("k" in globals())

d = {n: n * 2 for n in "ab"}
print(d, "n" in globals())

g = (m for m in range(3))
print(list(g), "m" in globals())

result = [last := v for v in range(5)]
print(result, last)

def f():
    total = 0
    data = [total := total + v for v in (1, 2, 3)]
    return data, total
print(f())

def g2():
    y = 10
    return [y + k for k in range(3)]
print(g2())

def g3():
    x = "local"
    return [locals().get("x") for _ in range(1)], [sorted(locals()) for _ in range(1)]
print(g3())

nested = [[r * c for c in range(1, 4)] for r in range(1, 3)]
print(nested)
print([(a, b) for a in range(3) for b in range(a)])
