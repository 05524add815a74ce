# bytearray operators, comparisons, slice assignment with different lengths.
a = bytearray(b"abc")
b = a + b"def"
print(b, type(b).__name__, a * 2, 2 * a, b"x" + a, type(b"x" + a).__name__)
print(a == b"abc", a < b"abd", a > bytearray(b"ab"), b"b" in a, 98 in a, a.count(b"a"))
c = bytearray(b"0123456789")
c[2:4] = b""
print(c)
c[0:0] = b">>"
print(c)
c[-2:] = bytearray(b"!!!!")
print(c)
c[::3] = b"...."
print(c)
c[1:3] = [65, 66, 67]
print(c)
c[:] = range(97, 100)
print(c)
try:
    c[0:1] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    c[0:1] = "str"
except TypeError as e:
    print(type(e).__name__, e)
del c[:]
print(c, len(c), bool(c))
d = bytearray(3)
d[1] = 255
print(d, d.hex(), list(d), bytes(d))
e = bytearray(b"ab")
e[len(e):] = b"cd"
e.extend(iter([101, 102]))
print(e, e.index(b"c"), e.rfind(b"z"), e.find(100))
