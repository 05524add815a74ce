# math.fma (fused multiply-add) and argument conversion for math functions.
import math
print(math.fma(2, 3, 4), math.fma(0.1, 10, -1), 0.1 * 10 - 1, math.fma(1e308, 10, -1e308 * 10 + 1e308) if False else "skip")
print(math.fma(1 + 2 ** -52, 1 - 2 ** -52, -1), (1 + 2 ** -52) * (1 - 2 ** -52) - 1)
print(math.fma(math.inf, 0.5, 1), math.isnan(math.fma(math.nan, 1, 1)), math.fma(-0.0, 1, 0.0), math.fma(-0.0, 1, -0.0))
for args in ((math.inf, 0, 1), (1e308, 10, 0), (0, math.inf, math.nan)):
    try:
        print(math.fma(*args))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
class Floaty:
    def __float__(self):
        return 4.0
class Indexy:
    def __index__(self):
        return 9
print(math.sqrt(Floaty()), math.sqrt(Indexy()), math.sqrt(True), math.sqrt(10 ** 40))
try:
    math.sqrt(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
print(math.log(10 ** 400) > 920, math.log2(2 ** 2000), math.log10(10 ** 1000))
try:
    math.sqrt(1j)
except TypeError as e:
    print(type(e).__name__, e)
print(math.trunc(Indexy()) if hasattr(Indexy, "__trunc__") else "Indexy has no __trunc__")
try:
    math.trunc(Indexy())
except TypeError as e:
    print(type(e).__name__, e)
