# Unary operators and numeric conversion hooks.
import math

class N:
    def __neg__(self): return "neg"
    def __pos__(self): return "pos"
    def __abs__(self): return "abs"
    def __invert__(self): return "invert"
    def __int__(self): return 42
    def __float__(self): return 2.5
    def __complex__(self): return 1j
    def __index__(self): return 7
    def __round__(self, ndigits=None): return f"round({ndigits})"
    def __trunc__(self): return "trunc"
    def __floor__(self): return "floor"
    def __ceil__(self): return "ceil"

n = N()
print(-n, +n, abs(n), ~n)
print(int(n), float(n), complex(n))
print(bin(n), hex(n), oct(n), [10, 20, 30, 40, 50, 60, 70, 80][n])
print(round(n), round(n, 2))
print(math.trunc(n), math.floor(n), math.ceil(n))
print(range(10)[n], "abcdefghij"[n])

class Empty:
    pass
for f in (lambda: -Empty(), lambda: ~Empty(), lambda: abs(Empty()), lambda: int(Empty()),
          lambda: float(Empty()), lambda: round(Empty()), lambda: [1][Empty()]):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)

class BadInt:
    def __int__(self):
        return "x"
try:
    int(BadInt())
except TypeError as e:
    print(type(e).__name__, e)
