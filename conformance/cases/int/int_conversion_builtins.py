# bin, oct, hex, and str/repr of ints.
for n in (0, 1, -1, 255, -255, 2 ** 64, -(2 ** 64) + 1):
    print(n, bin(n), oct(n), hex(n), str(n), repr(n))
print(int(bin(12345), 0), int(oct(12345), 0), int(hex(12345), 0))
print(format(255, "b"), format(255, "o"), format(255, "x"), format(255, "X"), format(255, "#x"))
print(format(-255, "#b"), format(255, "08b"), format(255, "#010b"), format(12345678, ","))
print(format(12345678, "_"), format(0xABCDEF, "_x"), format(1234, "+d"), format(1234, " d"))
print(format(42, "c"), format(42, "^9d"), format(42, "*<6"), format(42, "=+8"), format(-42, "08"))
print(format(123, "e"), format(123, ".2f"), format(123, "%"), format(123, "n"), format(10 ** 20, ".3g"))
for spec in ("s", ".2", "#c"):
    try:
        format(1, spec)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    format(-1, "c")
except OverflowError as e:
    print(type(e).__name__, e)
try:
    bin(1.5)
except TypeError as e:
    print(type(e).__name__, e)
