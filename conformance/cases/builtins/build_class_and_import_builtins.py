# __build_class__ and __import__ are ordinary builtins.
import builtins
def body():
    pass
Made = builtins.__build_class__(body, "Made")
print(Made.__name__, type(Made).__name__, type(Made()).__name__)
class Base:
    pass
Child = __build_class__(lambda: None, "Child", Base)
print(Child.__name__, [c.__name__ for c in Child.__mro__])
try:
    __build_class__(5, "Bad")
except TypeError as e:
    print(type(e).__name__, e)
try:
    __build_class__(body)
except TypeError as e:
    print(type(e).__name__, e)
m = __import__("math")
print(m.__name__, m.sqrt(16.0))
s = __import__("sys", globals(), locals(), [], 0)
print(s.__name__)
try:
    __import__("no_such_module_for_tests")
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    __import__("")
except ValueError as e:
    print(type(e).__name__, e)
