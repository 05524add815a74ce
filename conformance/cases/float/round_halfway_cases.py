# round() is correctly rounded: ties go to even, decimal representation matters.
print(round(0.5), round(1.5), round(2.5), round(3.5), round(-0.5), round(-1.5), round(-2.5))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, round(2.5, 0), round(-0.4))
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2), round(2.5, 1))
print(round(1.25, 1), round(1.35, 1), round(1.45, 1), round(0.285, 2), round(0.615, 2))
print(round(123.456, -1), round(125.0, -1), round(135.0, -1), round(1e20, -20), round(5e-324, 400))
print(round(1.23456789, 5), round(-1.23456789, 3), round(1.0, 20), round(123.45, -3))
print(round(0.1 + 0.2, 15), round(0.1 + 0.2, 16), round(1e300, -299), round(-0.0, 1))
print(round(1e16 + 1.0), round(1.5e15 + 0.5), round(4503599627370496.5), round(4503599627370497.5))
for v in (float("inf"), float("nan")):
    try:
        round(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(round(float("inf"), 2), round(float("nan"), 2), round(7.5, None))
try:
    round(1.5, 1.0)
except TypeError as e:
    print(type(e).__name__, e)
