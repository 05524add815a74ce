# int() parsing of strings with bases, prefixes, underscores and whitespace.
print(int("42"), int("-42"), int("+7"), int("  12  "), int("\t-3\n"))
print(int("1_000_000"), int("0b101", 0), int("0o17", 0), int("0x1F", 0), int("0", 0))
print(int("ff", 16), int("FF", 16), int("z", 36), int("Z", 36), int("777", 8))
print(int("101", 2), int("0b101", 2), int("0x_ff", 16), int("1_0", 2))
print(int("١٢٣"), int("٣", 10), int("１２"))
print(int(3.99), int(-3.99), int(True), int(), int(1e20))
print(int(b"12"), int(bytearray(b"-5")), int(b"ff", 16))
bad = [("", 10), ("12a", 10), ("1__0", 10), ("_1", 10), ("0x", 16), ("08", 0),
       ("2", 2), ("1.5", 10), ("0b12", 0), ("- 1", 10), ("9", 37)]
for s, base in bad:
    try:
        int(s, base)
    except ValueError as e:
        print(type(e).__name__, e)
for args in ((1.5, 10), ("1", 1.5), (None,)):
    try:
        int(*args)
    except TypeError as e:
        print(type(e).__name__, e)
for v in (float("inf"), float("nan")):
    try:
        int(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
