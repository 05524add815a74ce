# floor, ceil, trunc, modf, fmod, remainder, frexp, ldexp, nextafter, ulp.
import math
for v in (2.5, -2.5, 2.0, -0.5, 1e300, 7, -(10 ** 20) - 0.5):
    print(repr(v), math.floor(v), math.ceil(v), math.trunc(v), type(math.floor(v)).__name__)
print(math.modf(3.75), math.modf(-3.75), math.modf(math.inf), math.modf(-0.0), math.modf(5))
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(-7.5, 2), -7 % 3)
print(math.remainder(7, 3), math.remainder(-7, 3), math.remainder(5, 2), math.remainder(7, 2), math.remainder(6, 4))
print(math.frexp(8.0), math.frexp(0.0), math.frexp(-0.75), math.frexp(5e-324), math.frexp(math.inf))
print(math.ldexp(0.5, 4), math.ldexp(1, -1074), math.ldexp(1, -1075), math.ldexp(-3, 2), math.ldexp(1.0, 10 ** 6 * -1))
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, 1.0), math.nextafter(1.0, 1.0))
print(math.nextafter(1.0, 2.0, steps=3), math.nextafter(0.0, -1.0), math.nextafter(math.inf, 0))
print(math.ulp(1.0), math.ulp(0.0), math.ulp(1e300), math.ulp(-2.0), math.ulp(math.inf), math.ulp(math.nan))
for bad in (lambda: math.floor(math.inf), lambda: math.ceil(math.nan), lambda: math.fmod(1, 0),
            lambda: math.remainder(1, 0), lambda: math.ldexp(1.0, 2000), lambda: math.fmod(math.inf, 1),
            lambda: math.floor("1"), lambda: math.nextafter(1.0, 2.0, steps=-1)):
    try:
        print(bad())
    except (OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
class F:
    def __floor__(self):
        return "custom floor"
print(math.floor(F()), math.ceil(True), math.trunc(-0.9))
