# Importing builtin modules: sys, math, time; import forms and aliases.
import sys, math as m
import time
from math import pi, sqrt as square_root
print(m.__name__, pi, square_root(2), time.__name__)
print(sys.modules["math"] is m, "time" in sys.modules, sys.modules["sys"] is sys)
print(type(sys.builtin_module_names).__name__, "sys" in sys.builtin_module_names)
def function_scope_import():
    import math
    from math import floor
    return math.ceil(1.5), floor(1.5), "math" in locals()
print(function_scope_import())
class ClassScope:
    import math
    value = math.e
print(ClassScope.value, ClassScope.math is m)
print(sys.path[0].endswith("imports"), isinstance(sys.path, list))
