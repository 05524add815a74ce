# is_integer, as_integer_ratio, conjugate, real/imag, and float() constructor.
for v in (1.0, 1.5, -2.0, 0.1, 1e300, -0.0):
    print(v, v.is_integer(), v.as_integer_ratio(), v.real, v.imag, v.conjugate())
for bad in (float("inf"), float("nan")):
    try:
        bad.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(float(), float(3), float("  1.5 "), float("1_000.5"), float("-1e3"), float(".5"), float("5."))
print(float(True), float("١٫٥".replace("٫", ".")), float(b"2.5"), float(2 ** 80))
for bad in ("", "1.2.3", "1e", "abc", "1_", "0x10", "in f", "1__0"):
    try:
        float(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    float(2 ** 2000)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    float([1])
except TypeError as e:
    print(type(e).__name__, e)
class F:
    def __float__(self):
        return 4.25
class Idx:
    def __index__(self):
        return 7
print(float(F()), float(Idx()), float.__name__, (2.5).__trunc__(), (2.5).__floor__(), (-2.5).__ceil__())
print(float.fromhex("0x1p1"), (0.5).hex(), (7.0).__int__(), int(7.9), int(-7.9))
