# Packages and relative imports (., .., ...).
import sys
sys.dont_write_bytecode = True
import support.pkg as pkg
print(pkg.renamed, pkg.sub.where(), pkg.__package__, pkg.__path__ is not None)
from support.pkg.deep import leaf
print(leaf.LEAF)
print(sorted(name for name in sys.modules if name.startswith("support")))
try:
    import support.pkg.deep.too_far
except ImportError as e:
    print(type(e).__name__, e)
try:
    from . import anything
except ImportError as e:
    print(type(e).__name__, e)
print(__package__, __spec__)
