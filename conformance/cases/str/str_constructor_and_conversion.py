# str() constructor, ord/chr, and conversions.
print(str(), str(123), str(-1.5), str(None), str(True), str([1, "a"]), str((1,)), str({1: "x"}))
print(str(b"abc"), str(b"abc", "ascii"), str(bytearray(b"x")), str(1e100), str(2 ** 70))
print(str(object=5), str(b"\xc3\xa9", errors="strict", encoding="utf-8"))
print(ord("a"), ord("é"), ord("日"), ord("😀"), ord("\x00"), ord("\U0010FFFF"))
print(chr(97), chr(233), chr(0x65E5), chr(0x1F600), repr(chr(0)), repr(chr(0x10FFFF)))
for bad in (lambda: ord("ab"), lambda: ord(""), lambda: chr(0x110000), lambda: chr(-1),
            lambda: ord(97), lambda: chr("a"), lambda: str(1, "utf-8")):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(ord(b"a"), ord(bytearray(b"z")))
class S(str):
    def extra(self):
        return self.upper() + "!"
s = S("sub")
print(s, s.extra(), type(s + "x").__name__, type(s.upper()).__name__, type(str(s)).__name__, isinstance(s, str))
