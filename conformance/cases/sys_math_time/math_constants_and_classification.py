# math constants, classification functions, copysign and fabs.
import math
print(math.pi, math.e, math.tau, math.inf, math.nan, -math.inf)
print(math.tau == 2 * math.pi, math.inf == float("inf"), math.isnan(math.nan))
for v in (0.0, -0.0, 1.5, math.inf, -math.inf, math.nan, 1e308, 5e-324, 10 ** 400 if False else 1):
    print(repr(v), math.isfinite(v), math.isinf(v), math.isnan(v))
print(math.isfinite(10 ** 300), math.isinf(10 ** 300))
try:
    math.isfinite(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
print(math.copysign(3, -0.0), math.copysign(-2.5, 1), math.copysign(math.inf, -1), math.copysign(1, math.nan))
print(math.fabs(-3), math.fabs(-0.0), math.fabs(math.inf), math.fabs(True), type(math.fabs(-3)).__name__)
for bad in (lambda: math.fabs("1"), lambda: math.isnan(None), lambda: math.copysign(1)):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
