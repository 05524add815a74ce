# Class attributes, instance attributes, __dict__ and naming attributes.
class Point:
    """A point."""
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2

p = Point(3, 4)
print(p.x, p.y, p.dims, p.norm2())
print(p.__dict__)
print(Point.__name__, Point.__qualname__, Point.__module__, Point.__doc__)
print(sorted(k for k in Point.__dict__ if not k.startswith("__")))
print(type(Point.__dict__).__name__)
print(type(p) is Point, p.__class__ is Point)

p.dims = 3
print(p.dims, Point.dims, p.__dict__)
del p.dims
print(p.dims)
Point.dims = 5
print(p.dims)
p.z = 1
print(sorted(vars(p)))
try:
    Point.__dict__["dims"] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    del p.missing
except AttributeError as e:
    print(type(e).__name__, e)
print(Point.__bases__, Point.__base__)
print(Point.norm2(p))
