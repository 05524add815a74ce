# property with getter, setter, deleter, and read-only errors.
class Temperature:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        """Degrees Celsius."""
        print("get")
        return self._c
    @celsius.setter
    def celsius(self, value):
        print("set", value)
        self._c = value
    @celsius.deleter
    def celsius(self):
        print("delete")
        self._c = None
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

t = Temperature()
t.celsius = 100
print(t.celsius, t.fahrenheit)
del t.celsius
print(t._c)
print(Temperature.celsius.__doc__, type(Temperature.celsius).__name__)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del t.fahrenheit
except AttributeError as e:
    print(type(e).__name__, e)
p = property(lambda self: 1)
print(p.fget is not None, p.fset, p.fdel)

class Manual:
    def _get(self):
        return "manual"
    x = property(_get, doc="the x")
print(Manual().x, Manual.x.__doc__)
