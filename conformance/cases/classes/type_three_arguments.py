# type(name, bases, dict) creates classes dynamically.
def greet(self):
    return "hi from " + type(self).__name__

Base = type("Base", (), {"greet": greet, "x": 1})
Derived = type("Derived", (Base,), {"y": 2})

d = Derived()
print(d.greet(), d.x, d.y)
print(Derived.__name__, Derived.__qualname__, [c.__name__ for c in Derived.__mro__])
print(type(Derived) is type, isinstance(d, Base))
print(Derived.__module__)

print(type(1).__name__, type("s").__name__, type(None).__name__, type(type).__name__)

try:
    type("X", (1,), {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("X", (), [])
except TypeError as e:
    print(type(e).__name__, e)
try:
    type(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    type(1, (), {})
except TypeError as e:
    print(type(e).__name__, e)

Q = type("Q", (object,), {"__qualname__": "Outer.Q", "__doc__": "doc"})
print(Q.__qualname__, Q.__doc__)
try:
    type("B", (bool,), {})
except TypeError as e:
    print(type(e).__name__, e)
