# fsum, prod, sumprod, dist and hypot.
import math
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.fsum([]))
print(math.fsum([1e308, -1e308, 1e308]), math.fsum([0.1, 0.2, 0.3]), math.fsum(range(10)))
print(math.fsum([math.inf, 1]), math.fsum([-math.inf, 1]), math.fsum([math.nan, 1]))
for bad in ([math.inf, -math.inf], [1e308, 1e308], [1e308, 1e308, -1e308]):
    try:
        print(math.fsum(bad))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 2]), math.prod([1, 2], start=10), math.prod(range(1, 21)))
print(math.prod([[1]], start=1) if False else math.prod(["ab"], start=2), math.prod([2 ** 64, 2 ** 64]))
print(math.sumprod([1, 2, 3], [4, 5, 6]), math.sumprod([0.1, 0.2], [10, 10]), math.sumprod([], []))
try:
    math.sumprod([1, 2], [1])
except ValueError as e:
    print(type(e).__name__, e)
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 6, 8]), math.dist((1,), (-1,)))
try:
    math.dist((1, 2), (1,))
except ValueError as e:
    print(type(e).__name__, e)
print(math.hypot(3, 4), math.hypot(), math.hypot(-5), math.hypot(1, 1, 1, 1), math.hypot(1e200, 1e200))
print(math.hypot(math.inf, math.nan), math.hypot(math.nan, 1), math.hypot(3e-320, 4e-320))
try:
    math.fsum(["a"])
except TypeError as e:
    print(type(e).__name__, e)
