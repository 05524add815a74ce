# Aliasing, copying, and identity of list objects.
a = [1, [2, 3]]
b = a
c = a[:]
d = list(a)
e = a.copy()
a[0] = 100
a[1].append(4)
print(a, b, c, d, e)
print(b is a, c is a, c[1] is a[1], e == d)
grid = [[0] * 3 for _ in range(3)]
grid[0][0] = 1
print(grid)
bad_grid = [[0] * 3] * 3
bad_grid[0][0] = 1
print(bad_grid)
def modify(lst):
    lst.append("modified")
    lst = ["rebound"]
    return lst
orig = []
print(modify(orig), orig)
x = [1, 2, 3]
y = x
x = x + [4]
print(x, y)
empty1, empty2 = [], []
print(empty1 == empty2, empty1 is empty2)
print([1, 2].__eq__([1, 2]), [1].__eq__((1,)), [1, 2].__ne__([1, 2]))
