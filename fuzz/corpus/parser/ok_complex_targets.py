(a, b), [c, d] = e
a.b.c = d
a[b][c] = d
x = y = z = []
