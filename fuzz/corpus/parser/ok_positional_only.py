def f(a, b, /): pass
def g(a=1, /, b=2, *, c=3): pass
