x = 1
a = b = c = 2
x, y = y, x
[a, *rest] = range(5)
obj.attr = d['k'] = 3
