# ZeroDivisionError and other arithmetic error messages.
cases = [
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: divmod(1, 0),
    lambda: 1.0 / 0,
    lambda: 1.0 // 0.0,
    lambda: 1.0 % 0.0,
    lambda: divmod(1.0, 0.0),
    lambda: 0 ** -1,
    lambda: 0.0 ** -1,
    lambda: 1j / 0,
    lambda: 1 << -1,
    lambda: 1 >> -1,
    lambda: pow(2, -1, 4),
    lambda: pow(2, 3, 0),
    lambda: 10.0 ** 400,
    lambda: 2 ** 10000 * 1.0,
    lambda: (-8) ** (1 / 3),
]
for c in cases:
    try:
        print(c())
    except (ZeroDivisionError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
