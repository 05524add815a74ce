# Builtin functions and methods as objects.
print(type(len).__name__, len.__name__, len.__qualname__, len.__module__, len.__self__ is __builtins__ or type(len.__self__).__name__)
print(type(print).__name__, callable(print), abs.__name__, type([].append).__name__)
print(str.upper.__qualname__, type(str.upper).__name__, str.upper.__objclass__ is str)
print(dict.fromkeys.__qualname__, type(dict.__dict__["fromkeys"]).__name__)
print(type(int.__add__).__name__, type(object.__init__).__name__, type(object().__str__).__name__)
print(len.__doc__.splitlines()[0])
print(repr(len), repr(abs))
print(repr(str.upper).startswith("<method 'upper' of 'str' objects>"))
print(repr(dict.fromkeys).startswith("<built-in method fromkeys of type object"))
f = max
print(f([3, 1, 2]), f is max, max == max, sorted([min, max], key=lambda fn: fn.__name__)[0].__name__)
try:
    len.custom = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    len()
except TypeError as e:
    print(type(e).__name__, e)
try:
    len([], [])
except TypeError as e:
    print(type(e).__name__, e)
try:
    abs(x=1)
except TypeError as e:
    print(type(e).__name__, e)
