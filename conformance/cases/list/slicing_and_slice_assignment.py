# List slicing and slice assignment with steps.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[::3], a[::-1], a[8:2:-2], a[-1:-4:-1], a[100:], a[5:2])
b = a[:]
b[2:5] = ["x"]
print(b)
b[1:1] = ["inserted", "twice"]
print(b)
b[:] = [1, 2, 3]
print(b)
b[len(b):] = [4, 5]
print(b)
b[::2] = ["a", "b", "c"]
print(b)
b[::-2] = [0, 0, 0]
print(b)
del b[::2]
print(b)
c = list(range(6))
del c[1:3]
print(c)
c[1:3] = range(3)
print(c)
c[2:2] = "xy"
print(c)
try:
    c[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    c[1:2] = 5
except TypeError as e:
    print(type(e).__name__, e)
d = [1, 2, 3]
d[5:10] = ["end"]
d[-10:0] = ["start"]
print(d)
e = [1, 2, 3, 4]
e[1:3] = e
print(e)
