# Hashes of numbers are deterministic and equal numbers hash equal.
import sys
print(hash(0), hash(1), hash(-1), hash(-2), hash(True), hash(False))
print(hash(1) == hash(1.0) == hash(True) == hash(1 + 0j))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 100), hash(-(2 ** 100)))
print(hash(10 ** 30), hash(-(10 ** 30)))
print(hash(0.5), hash(1.5), hash(-0.5), hash(0.1), hash(1e100))
print(hash(float("inf")), hash(float("-inf")), hash(-0.0))
print(hash(1j), hash(2 + 3j), hash(complex(0.5, -1)))
print(sys.hash_info.width, sys.hash_info.modulus, sys.hash_info.inf)
print(hash(sys.maxsize), hash(sys.maxsize + 1), hash(-sys.maxsize - 1))
print(hash(2 ** 62) == hash(2 ** 62 % (2 ** 61 - 1)))
nan = float("nan")
print(hash(nan) == hash(nan), type(hash(nan)).__name__)
