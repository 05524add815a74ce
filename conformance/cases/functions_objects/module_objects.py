# Module objects: attributes, creation, and the __main__ module.
import sys
import math
main = sys.modules["__main__"]
print(type(main).__name__, main.__name__, __name__, main is sys.modules[__name__])
print(math.__name__, type(math.__dict__).__name__, "pi" in math.__dict__, math.__spec__ is not None)
print(sys.__name__, "sys" in sys.modules, sys.modules["math"] is math)
ModuleType = type(sys)
m = ModuleType("fresh")
print(m.__name__, m.__doc__, sorted(m.__dict__))
m.x = 1
exec("y = x + 1", m.__dict__)
print(m.y, sorted(k for k in vars(m) if not k.startswith("__")))
print(repr(m), repr(ModuleType("with_doc", "the doc")), ModuleType("d", "doc").__doc__)
try:
    ModuleType()
except TypeError as e:
    print(type(e).__name__, e)
def module_getattr_demo():
    mod = ModuleType("lazy")
    mod.__getattr__ = lambda name: f"lazy {name}"
    return mod.anything, getattr(mod, "other")
print(module_getattr_demo())
print(__builtins__.__name__ if hasattr(__builtins__, "__name__") else type(__builtins__).__name__)
import builtins
print(builtins.len is len, builtins.__name__, "print" in dir(builtins))
