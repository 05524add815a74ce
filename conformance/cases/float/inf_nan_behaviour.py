# Infinity and NaN arithmetic and comparisons.
inf, nan = float("inf"), float("nan")
print(inf, -inf, nan, repr(nan), str(-nan), float("-nan"), float("Infinity"), float("-INF"))
print(inf + 1, inf - inf, inf * 0, inf / inf, -inf * -1, inf > 1e308, 1 / inf, -1 / inf)
print(nan == nan, nan != nan, nan < 0, nan > 0, nan is nan, [nan] == [nan])
print(nan + 1, nan * 0, max(nan, 1), max(1, nan), min(nan, 1), sorted([3, nan, 1])[1:] if False else "skip")
print(inf == inf, -inf < inf, inf ** 0, nan ** 0, 1 ** nan, 0 * inf)
print(abs(-inf), abs(nan), -nan, int(1e308), 1e308 * 10, -1e308 * 10)
print(inf % 5 if False else "skip", 5 % inf, -5 % inf, 5 // inf, -5 // inf)
print(float("nan") in [float("nan")], inf.is_integer(), nan.is_integer())
print(1e309, -1e309, 2.0 ** 1023 * 2, 1e-400, -1e-400)
try:
    2.0 ** 1024
except OverflowError as e:
    print(type(e).__name__, e)
try:
    inf % 5
except ValueError as e:
    print(type(e).__name__, e)
print(divmod(5.0, inf), divmod(-5.0, inf))
