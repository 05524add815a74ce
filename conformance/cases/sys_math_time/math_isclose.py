# math.isclose with relative and absolute tolerances.
import math
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.0 + 1e-8), math.isclose(0.1 + 0.2, 0.3))
print(math.isclose(0.0, 1e-10), math.isclose(0.0, 1e-10, abs_tol=1e-9), math.isclose(1e-300, 2e-300))
print(math.isclose(100, 101, rel_tol=0.01), math.isclose(100, 102, rel_tol=0.01), math.isclose(5, 5))
print(math.isclose(math.inf, math.inf), math.isclose(math.inf, -math.inf), math.isclose(math.nan, math.nan))
print(math.isclose(math.inf, 1e308, rel_tol=1), math.isclose(-0.0, 0.0), math.isclose(1, 1.0000000001, rel_tol=0))
print(math.isclose(1.0, 1.1, rel_tol=0.1), math.isclose(1.1, 1.0, rel_tol=0.1), math.isclose(10, 11, abs_tol=1))
for kwargs in ({"rel_tol": -1}, {"abs_tol": -0.1}):
    try:
        math.isclose(1, 1, **kwargs)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    math.isclose(1, 1, 1e-9)
except TypeError as e:
    print(type(e).__name__, e)
try:
    math.isclose("1", 1)
except TypeError as e:
    print(type(e).__name__, e)
print(math.isclose(2 ** 60, 2 ** 60 + 1), math.isclose(True, 1))
