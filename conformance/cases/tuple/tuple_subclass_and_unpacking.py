# Tuple subclasses, nested unpacking and starred expressions with tuples.
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    def __repr__(self):
        return f"Point{tuple.__repr__(self)}"
p = Point(1, 2)
print(p, p.x, p[1], len(p), isinstance(p, tuple), p == (1, 2), type(p + (3,)).__name__)
x, y = p
print(x, y, sorted(Point(3, 1)), hash(p) == hash((1, 2)))
(a, b), c, *d = (1, 2), 3, 4, 5
print(a, b, c, d)
t = *range(3), *"ab"
print(t)
print((*[1, 2],), (*(),), tuple(zip((1, 2), "ab")))
def ret():
    return 1, "two", [3]
r = ret()
print(type(r).__name__, r)
first, *_ = ret()
print(first)
print(max((1, "b"), (1, "a")), min([(2, 0), (1, 9)]))
try:
    Point(1)
except TypeError as e:
    print(type(e).__name__, e)
