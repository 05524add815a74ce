# Overriding parts of a property in a subclass.
class Base:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, val):
        self._v = val

class Doubler(Base):
    @Base.v.setter
    def v(self, val):
        self._v = val * 2

d = Doubler()
d.v = 5
print(d.v)
b = Base()
b.v = 5
print(b.v)
print(Base.v is not Doubler.v, Base.v.fget is Doubler.v.fget)

class ReadOnly(Base):
    v = property(Base.v.fget)
r = ReadOnly()
try:
    r.v = 3
except AttributeError as e:
    print(type(e).__name__, e)

class Broken:
    @property
    def value(self):
        return self.missing_attribute
try:
    Broken().value
except AttributeError as e:
    print(type(e).__name__, e)

class WithGetattr:
    @property
    def value(self):
        raise AttributeError("inner")
    def __getattr__(self, name):
        return f"__getattr__({name})"
print(WithGetattr().value)
