# Helper module with __all__ controlling 'from ... import *'.
__all__ = ["exported", "also_exported"]
exported = 1
also_exported = 2
not_exported = 3
