# Deterministic parts of the sys module.
import sys
print(sys.version_info[:2], sys.version_info.major, sys.version_info.minor, sys.version_info >= (3, 14))
print(sys.getrecursionlimit(), sys.maxsize, sys.maxsize == 2 ** 63 - 1, sys.maxunicode)
print(type(sys.version).__name__, type(sys.version_info).__name__, len(sys.version_info))
print(sys.argv[0].endswith("sys_basics.py"), type(sys.argv).__name__, len(sys.argv))
print(sys.getdefaultencoding(), type(sys.path).__name__, type(sys.modules).__name__)
print(sys.intern("hello") is sys.intern("hel" + "lo"), sys.byteorder in ("little", "big"))
print(type(sys.implementation.name).__name__, hasattr(sys.implementation, "version"))
print(sys.float_info.dig, sys.hash_info.width, sys.int_info.default_max_str_digits)
print(callable(sys.exit), callable(sys.getrecursionlimit), sys.stdin is sys.__stdin__)
print(sys.flags.optimize, sys.flags.dont_write_bytecode in (0, 1), type(sys.flags).__name__)
try:
    sys.intern(b"bytes")
except TypeError as e:
    print(type(e).__name__, e)
try:
    sys.no_such_attribute
except AttributeError as e:
    print(type(e).__name__, e)
print(sys.exc_info(), sys.exception())
