# dir() of simple user classes and instances is sorted.
class Shape:
    sides = 0
    def area(self):
        return 0
    def _private(self):
        pass
class Square(Shape):
    sides = 4
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side ** 2

def user_names(names):
    return [n for n in names if not (n.startswith("__") and n.endswith("__"))]

print(user_names(dir(Shape)))
print(user_names(dir(Square)))
print(user_names(dir(Square(2))))
print(dir(Square(2)) == sorted(dir(Square(2))))
print([n for n in dir(Square) if n.startswith("__")][:8])
def local_scope():
    alpha = 1
    beta = 2
    return dir()
print(local_scope())
class WithDir:
    def __dir__(self):
        return ("b", "a", "c")
print(dir(WithDir()), type(dir(WithDir())).__name__)
class BadDir:
    def __dir__(self):
        return 5
try:
    dir(BadDir())
except TypeError as e:
    print(type(e).__name__, e)
print(user_names(dir(type("Dyn", (), {"z": 1, "y": 2}))))
