# str.expandtabs with default and custom tab sizes.
s = "a\tbc\tdef\tghij\tk"
print(repr(s.expandtabs()))
print(repr(s.expandtabs(4)))
print(repr(s.expandtabs(1)), repr(s.expandtabs(0)), repr(s.expandtabs(-3)))
print(repr("12345678\t9".expandtabs()), repr("\t".expandtabs(3)), repr("x\ny\tz".expandtabs(4)))
print(repr("a\r\tb".expandtabs(4)), repr("".expandtabs()), repr("no tabs".expandtabs(2)))
print(repr(b"a\tb".expandtabs(3)), repr(bytearray(b"\t\t").expandtabs(2)))
print(repr("日\t本".expandtabs(4)), repr("ab\tcd".expandtabs(tabsize=3)))
try:
    "a\tb".expandtabs("4")
except TypeError as e:
    print(type(e).__name__, e)
