# exp, exp2, expm1, log family, pow, sqrt, cbrt including edge cases.
import math
def show(*vals):
    print(*(format(v, ".14g") if isinstance(v, float) else v for v in vals))
show(math.exp(0), math.exp(1), math.exp(-1), math.exp(710 - 1), math.exp(-1000), math.exp(math.inf), math.exp(-math.inf))
show(math.exp2(10), math.exp2(0.5), math.exp2(-1), math.expm1(1e-10), math.expm1(0), math.expm1(1))
show(math.log(math.e), math.log(1), math.log(8, 2), math.log(100, 10), math.log(2 ** 1000), math.log(10 ** 500, 10))
show(math.log2(8), math.log2(2 ** 100), math.log2(0.5), math.log10(1000), math.log10(10 ** 300), math.log1p(1e-10))
show(math.pow(2, 10), math.pow(2, 0.5), math.pow(-8, 1 / 3) if False else math.pow(-8, 3), math.pow(0, 0), math.pow(math.nan, 0), math.pow(1, math.nan))
show(math.sqrt(16), math.sqrt(2), math.sqrt(0.0), math.sqrt(-0.0), math.sqrt(math.inf), math.sqrt(10 ** 100))
show(math.cbrt(27), math.cbrt(-8), math.cbrt(2), math.cbrt(0.0))
print(repr(math.sqrt(-0.0)), repr(math.pow(-0.0, 3)), math.pow(math.inf, -1), math.pow(-math.inf, 3))
bad = [lambda: math.log(0), lambda: math.log(-1), lambda: math.log(2, 1), lambda: math.log(2, 0), lambda: math.sqrt(-1),
       lambda: math.exp(1000), lambda: math.pow(0, -1), lambda: math.pow(-8, 1 / 3), lambda: math.log10(-5),
       lambda: math.log2(0), lambda: math.log1p(-1), lambda: math.pow(10, 400), lambda: math.log("e")]
for b in bad:
    try:
        print(b())
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
