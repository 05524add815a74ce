# Module-level __getattr__ and __dir__.
import sys
sys.dont_write_bytecode = True
import support.lazy_attrs as lazy
print(lazy.real, lazy.lazy_thing, getattr(lazy, "lazy_other"))
print(dir(lazy))
try:
    lazy.missing
except AttributeError as e:
    print(type(e).__name__, e)
from support.lazy_attrs import lazy_from_import
print(lazy_from_import)
print(hasattr(lazy, "lazy_x"), hasattr(lazy, "nope"))
