# CPython's exact messages for wrong calls.
def f(a, b, c=3):
    pass

def g():
    pass

def h(a, *, k):
    pass

tests = [
    lambda: f(),
    lambda: f(1),
    lambda: f(1, 2, 3, 4),
    lambda: f(1, 2, d=4),
    lambda: f(1, a=1, b=2),
    lambda: g(1),
    lambda: g(x=1),
    lambda: h(1, 2),
    lambda: h(1, 2, k=3),
    lambda: h(),
    lambda: f(1, 2, 3, 4, 5),
    lambda: f(b=1, c=2),
]
for t in tests:
    try:
        t()
        print("no error")
    except TypeError as e:
        print(e)
