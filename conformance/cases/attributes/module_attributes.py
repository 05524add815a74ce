# Attribute access on modules and module objects' dunders.
import sys
import math

print(type(sys).__name__, type(math).__name__)
print(math.__name__, sys.__name__, __name__)
print(hasattr(math, "pi"), hasattr(math, "nothing"))
try:
    math.nothing
except AttributeError as e:
    print(type(e).__name__, e)
mod = sys.modules[__name__]
mod.dynamic = "set via module"
print(dynamic)
print(getattr(mod, "dynamic"), "dynamic" in globals())
print(mod.__dict__ is globals())
del mod.dynamic
print("dynamic" in globals())
ModuleType = type(sys)
m = ModuleType("custom", "custom doc")
print(m.__name__, m.__doc__, repr(m))
m.value = 3
print(m.value, sorted(k for k in vars(m) if not k.startswith("__")))
try:
    m.missing
except AttributeError as e:
    print(type(e).__name__, e)
