f()
f(1, 2, *args, key=3, **kw)
f(a for a in b)
f(*a, *b, **c, **d)
obj.method(x)(y)[z]
f(a,)
