# Assignment expressions and conditional expressions.
data = [1, 5, 10, 15]
if (n := len(data)) > 3:
    print(f"list has {n} elements")
print([y for x in data if (y := x * 2) > 10], y)
values = iter([3, 2, 1, 0, 7])
while (v := next(values)) != 0:
    print("value", v)
print(v)
total = 0
print([total := total + x for x in range(5)], total)
print((a := 10) + a, a)
def f(x):
    return (r := x ** 2) + r
print(f(3))
print("yes" if 0 else "no", "a" if [] else "b" if None else "c", (1 if True else 2) + 1)
x = 5
print("even" if x % 2 == 0 else "odd", [("pos" if i > 0 else "zero" if i == 0 else "neg") for i in (-1, 0, 1)])
print((lambda q: "big" if q > 3 else "small")(4))
for src in ("(x := 1) = 2", "x := 1", "def g(a := 1): pass", "[i := 0 for i in range(3)]"):
    try:
        compile(src, "<walrus>", "exec")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), "->", e.msg)
