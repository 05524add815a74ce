# bytearray construction and methods that return new objects.
print(bytearray(), bytearray(3), bytearray(b"abc"), bytearray([1, 2]), bytearray("é", "utf-8"))
ba = bytearray(b"Hello World")
print(ba.upper(), ba.lower(), ba.split(), ba.replace(b"o", b"0"), ba.find(b"o"), ba.count(b"l"))
print(type(ba.upper()).__name__, type(ba[1:3]).__name__, type(ba + b"x").__name__, type(b"x" + ba).__name__)
print(ba == b"Hello World", ba.startswith(b"Hell"), b"World" in ba, ba.decode(), ba.hex())
print(repr(ba), str(ba), list(bytearray(b"\x00\x01")), ba.isalpha(), ba.strip(b"Hd"))
try:
    hash(ba)
except TypeError as e:
    print(type(e).__name__, e)
x = bytearray(b"abc")
y = x
x += b"d"
print(y, x is y)
z = x * 2
print(z, z is x, x.zfill(6), x.center(8, b"."))
print(bytearray(b"ab").join([b"1", b"2", b"3"]), bytearray(b"a,b").split(b","))
print(bytearray(b"abc") < bytearray(b"abd"), bytearray(b"b") > b"a", sorted([bytearray(b"b"), bytearray(b"a")]))
print(bytearray(b"xyz").rjust(5), bytearray(b"abc").partition(b"b"), bytearray(b"a\nb").splitlines())
print(bytearray(range(250, 256)), bytearray(b"  pad ").rstrip(), bytearray(b"ab").isupper())
