# Helper package using relative imports.
from . import sub
from .sub import sub_value as renamed
print("pkg/__init__: __package__ =", __package__)
