# bytes() constructors and repr escaping.
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes(b"copy"), bytes(bytearray(b"ba")))
print(bytes("é", "utf-8"), bytes("abc", encoding="ascii"), bytes(memoryview(b"mv")), bytes((1, 2)))
print(b"\x00\x07\t\n\r\x1b'\"\\\x7f\x80\xff", b"'", b'"', b"'\"", bytes(range(30, 40)))
print(repr(b"it's"), repr(b'say "x"'), str(b"abc"), len(b"\x00\x00"))
for bad in (lambda: bytes([256]), lambda: bytes([-1]), lambda: bytes("text"), lambda: bytes(-1),
            lambda: bytes(1.5), lambda: bytes(["a"]), lambda: bytes("x", "utf-8", "strict", 1)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
class WithBytes:
    def __bytes__(self):
        return b"custom"
print(bytes(WithBytes()), b"a" b"b", rb"\n raw", br"\x", len(rb"\n"))
print(bytes.fromhex("de ad BE EF"), bytes.fromhex(""), b"\xde\xad".hex(), b"abc".hex(":"), b"abcdef".hex("-", 2))
print(b"\x01\x02\x03\x04".hex(" ", -2), bytes(5).hex(), b"".hex())
for bad in ("0", "zz", "0 0"):
    try:
        bytes.fromhex(bad)
    except ValueError as e:
        print(type(e).__name__, e)
