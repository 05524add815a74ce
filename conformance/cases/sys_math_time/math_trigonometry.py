# Trigonometric functions and angle conversion; results printed to 14 significant digits.
import math
def f(v):
    return format(v, ".14g")
for x in (0.0, math.pi / 6, math.pi / 4, math.pi / 2, math.pi, -1.0, 1e-10):
    print(f(x), f(math.sin(x)), f(math.cos(x)), f(math.tan(x)))
for x in (-1.0, -0.5, 0.0, 0.5, 1.0):
    print(f(x), f(math.asin(x)), f(math.acos(x)), f(math.atan(x)))
print(f(math.atan(math.inf)), f(math.atan2(1, 1)), f(math.atan2(-1, -1)), f(math.atan2(0.0, -0.0)), f(math.atan2(-0.0, -1.0)))
print(math.atan2(0.0, 0.0), math.atan2(-0.0, 0.0), f(math.atan2(math.inf, math.inf)), f(math.atan2(1, 0)))
print(math.degrees(math.pi), math.radians(180) == math.pi, math.degrees(1), math.radians(90), math.degrees(0))
print(math.sin(0.0), math.sin(-0.0), math.cos(0.0), math.tan(-0.0), math.asin(-0.0), math.atan(-0.0))
for bad in (lambda: math.sin(math.inf), lambda: math.cos(-math.inf), lambda: math.tan(math.inf),
            lambda: math.asin(2), lambda: math.acos(-1.5), lambda: math.sin("0")):
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(math.isnan(math.sin(math.nan)), math.isnan(math.atan2(math.nan, 1)))
