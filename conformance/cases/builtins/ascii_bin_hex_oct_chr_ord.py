# ascii, bin, hex, oct, chr, ord.
print(ascii("abc"), ascii("é"), ascii("日本"), ascii("😀"), ascii("\n"), ascii(["é", 1]), ascii(b"\xff"))
class R:
    def __repr__(self):
        return "R(é)"
print(ascii(R()), repr(R()), ascii({"ключ": "значение"}))
print(bin(0), bin(5), bin(-5), bin(2 ** 65), hex(0), hex(255), hex(-255), oct(0), oct(8), oct(-8))
class Idx:
    def __index__(self):
        return 10
print(bin(Idx()), hex(Idx()), oct(Idx()), bin(True), hex(False))
for fn in (bin, hex, oct):
    try:
        fn(1.0)
    except TypeError as e:
        print(type(e).__name__, e)
print(chr(65), chr(0x20AC), chr(0x1F40D), ord("A"), ord("€"), ord("🐍"), ord(chr(1114111)))
for bad in (lambda: chr(1114112), lambda: chr(-1), lambda: ord("ab"), lambda: ord(""), lambda: chr(1.5)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print([ord(c) for c in "Az09 ~"], "".join(chr(c) for c in range(0x3b1, 0x3b6)))
