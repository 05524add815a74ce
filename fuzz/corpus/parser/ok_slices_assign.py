a[1:2] = b
a[::2], b[0] = c
del a[:]
