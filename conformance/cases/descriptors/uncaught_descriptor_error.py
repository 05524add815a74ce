# An exception raised inside a descriptor's __set__ is uncaught.
class Bounded:
    def __init__(self, lo, hi):
        self.lo, self.hi = lo, hi
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, owner=None):
        return obj.__dict__[self.name]
    def __set__(self, obj, value):
        if not self.lo <= value <= self.hi:
            raise ValueError(f"{self.name}={value} outside [{self.lo}, {self.hi}]")
        obj.__dict__[self.name] = value

class Volume:
    level = Bounded(0, 10)
    def __init__(self, level):
        self.level = level

print(Volume(3).level)
Volume(11)
