# Function attributes: names, defaults, docs, module, dict.
def outer():
    def inner(a, b=2, *args, c, d=4, **kw):
        """Inner docstring."""
        return a
    return inner

f = outer()
print(f.__name__, f.__qualname__, f.__module__, f.__doc__)
print(f.__defaults__, f.__kwdefaults__, type(f).__name__)
def nodoc():
    pass
print(nodoc.__doc__, nodoc.__defaults__, nodoc.__kwdefaults__, nodoc.__dict__)
nodoc.custom = "attr"
print(nodoc.custom, nodoc.__dict__)
f.__name__ = "renamed"
f.__qualname__ = "Some.renamed"
f.__doc__ = "new doc"
print(f.__name__, f.__qualname__, f.__doc__)
try:
    f.__name__ = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    f.__defaults__ = [1]
except TypeError as e:
    print(type(e).__name__, e)
print(f.__globals__ is globals(), callable(f), f.__builtins__ is __builtins__.__dict__ if hasattr(__builtins__, "__dict__") else "builtins is a dict")
def with_first_string_not_doc():
    x = 1
    "not a docstring"
print(with_first_string_not_doc.__doc__)
print((lambda: 0).__name__, (lambda: 0).__doc__)
