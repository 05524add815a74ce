# hex()/fromhex() round trips and separators on bytes and bytearray.
data = bytes(range(0, 256, 37))
h = data.hex()
print(h, bytes.fromhex(h) == data)
print(data.hex(":"), data.hex(":", 3), data.hex(":", -3), data.hex(b"|"))
print(bytearray.fromhex("01 02 ff"), type(bytearray.fromhex("")).__name__)
print(bytearray(b"\x0a\x0b").hex(), memoryview(b"\xfe\xed").hex(), memoryview(b"\x01\x02").hex("."))
for bad_sep in ("::", "é", 1):
    try:
        data.hex(bad_sep)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(bytes.fromhex("  aB\ncd\t"), bytes.fromhex("00ff")[1])
class MyBytes(bytes):
    pass
print(type(MyBytes.fromhex("41")).__name__, MyBytes.fromhex("4142"), repr(MyBytes(b"x")))
print(int(b"ff".hex(), 16), hex(int.from_bytes(b"\x12\x34")), b"\x12\x34".hex().upper())
