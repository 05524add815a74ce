# A subclass's reflected method is tried before the base class's method.
class Base:
    def __add__(self, other):
        return "Base.__add__"
    def __radd__(self, other):
        return "Base.__radd__"
    def __lt__(self, other):
        return "Base.__lt__"
    def __gt__(self, other):
        return "Base.__gt__"

class Derived(Base):
    def __radd__(self, other):
        return "Derived.__radd__"
    def __gt__(self, other):
        return "Derived.__gt__"

class NoOverride(Base):
    pass

print(Base() + Derived())
print(Derived() + Base())
print(Base() + NoOverride())
print(Base() < Derived())
print(Base() < NoOverride())

class MyInt(int):
    def __radd__(self, other):
        return f"MyInt.__radd__({other})"
    def __rsub__(self, other):
        return f"MyInt.__rsub__({other})"
print(1 + MyInt(2))
print(1 - MyInt(2))
print(MyInt(2) + 1)
print(type(MyInt(2) * 3).__name__)
