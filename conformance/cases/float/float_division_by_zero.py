# Division by zero for floats raises instead of producing inf.
ops = [
    ("1.0 / 0", lambda: 1.0 / 0),
    ("1 / 0.0", lambda: 1 / 0.0),
    ("0.0 / 0.0", lambda: 0.0 / 0.0),
    ("1.0 // 0.0", lambda: 1.0 // 0.0),
    ("1.0 % 0.0", lambda: 1.0 % 0.0),
    ("divmod(1.5, 0)", lambda: divmod(1.5, 0)),
    ("0.0 ** -1", lambda: 0.0 ** -1),
    ("0.0 ** -1.5", lambda: 0.0 ** -1.5),
    ("-0.0 ** -1", lambda: (-0.0) ** -1),
    ("inf / 0", lambda: float("inf") / 0),
    ("nan / 0", lambda: float("nan") / 0),
    ("1 / -0.0", lambda: 1 / -0.0),
    ("(-8.0) ** 0.5", lambda: (-8.0) ** 0.5),
]
for text, op in ops:
    try:
        print(text, "=", op())
    except ZeroDivisionError as e:
        print(text, "->", type(e).__name__, e)
