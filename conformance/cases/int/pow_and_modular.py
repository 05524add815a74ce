# pow() with two and three arguments, including negative exponents and moduli.
print(pow(2, 10), pow(2, -1), pow(-2, 3), pow(-2, -2), pow(0, 0))
print(pow(3, 4, 5), pow(3, 200, 1000), pow(2, 10 ** 6, 10 ** 9 + 7))
print(pow(3, -1, 7), pow(38, -1, 97), pow(5, -2, 13))
print(pow(-3, 3, 7), pow(3, 3, -7), pow(-3, 3, -7), pow(0, 5, 3))
print(pow(7, 0, 1), pow(7, 0, 5), pow(2, 3, 1))
print(2 ** 0.5, 4 ** 0.5, (-8) ** 2, 10 ** -2, 2 ** -3)
for args in ((2, -1, 4), (2, 3, 0), (2, 1.5, 3), (2.0, 3, 5)):
    try:
        print(pow(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(pow(base=2, exp=5), pow(2, exp=3, mod=5))
print(0 ** 0, 0.0 ** 0, 1 ** 10 ** 10)
print(pow(True, 3), pow(2, True), (-1) ** 10 ** 9)
