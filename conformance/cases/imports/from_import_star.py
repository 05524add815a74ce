# 'from module import *' honours __all__ and skips underscore names.
import sys
sys.dont_write_bytecode = True
from support.with_all import *
print(exported, also_exported)
try:
    not_exported
except NameError as e:
    print(type(e).__name__, e)
from support.no_all import *
print(public_a, public_b)
try:
    _hidden
except NameError as e:
    print(type(e).__name__, e)
from support.no_all import _hidden
print(_hidden)
try:
    from support.with_all import does_not_exist
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
    print(e.name, e.path.endswith("with_all.py"))
