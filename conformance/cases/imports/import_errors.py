# ModuleNotFoundError, errors raised while importing, and syntax errors in modules.
import sys
sys.dont_write_bytecode = True
try:
    import no_such_module_xyz
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    import support.no_such_submodule
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from math import no_such_function
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    import support.broken_module
except ValueError as e:
    print(type(e).__name__, e)
print("support.broken_module" in sys.modules)
try:
    import support.syntax_error_module
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.filename.endswith("syntax_error_module.py"))
try:
    import math.nothing
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
print(issubclass(ModuleNotFoundError, ImportError))
