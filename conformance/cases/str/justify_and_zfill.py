# center, ljust, rjust, zfill.
for w in (0, 3, 6, 7, 10):
    print(repr("abc".center(w)), repr("abc".ljust(w, "*")), repr("abc".rjust(w, "-")))
print(repr("ab".center(5)), repr("ab".center(5, ".")), repr("abc".center(6, ".")), repr("a".center(4, "x")))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(6), "".zfill(3), "-".zfill(3), "12345".zfill(2))
print("3.14".zfill(8), "-0.5".zfill(6), "++1".zfill(5))
try:
    "a".center(5, "ab")
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a".ljust(5.0)
except TypeError as e:
    print(type(e).__name__, e)
print(repr("日本".center(6, "・")), repr("é".rjust(3)), b"ab".center(6, b"*"), b"-1".zfill(4))
