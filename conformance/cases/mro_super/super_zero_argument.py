# Zero-argument super() in methods, classmethods, and __init__.
class Base:
    def __init__(self, x):
        self.x = x
        print("Base.__init__", x)
    def describe(self):
        return f"Base({self.x})"
    @classmethod
    def create(cls):
        return f"create {cls.__name__}"

class Child(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
        print("Child.__init__", y)
    def describe(self):
        return "Child+" + super().describe()
    @classmethod
    def create(cls):
        return "Child:" + super().create()

c = Child(1, 2)
print(c.describe(), Child.create())

class GrandChild(Child):
    def describe(self):
        return "Grand+" + super().describe()
print(GrandChild(3, 4).describe(), GrandChild.create())

class WithClassCell:
    def get(self):
        return __class__
print(WithClassCell().get() is WithClassCell)
print(WithClassCell.get.__code__.co_freevars)

# super() inside a nested function cannot find self.
class Nested(Base):
    def describe(self):
        def helper():
            return super().describe()
        try:
            return helper()
        except RuntimeError as e:
            return f"{type(e).__name__}: {e}"
print(Nested(0).describe())
