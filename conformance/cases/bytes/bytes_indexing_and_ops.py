# Indexing bytes gives ints; slicing gives bytes; operators.
b = b"hello world"
print(b[0], b[-1], b[1:4], b[::-1], b[::2], type(b[0]).__name__, type(b[0:1]).__name__)
print(b + b"!", b * 2, 3 * b"ab", b"lo" in b, 111 in b, 300 in b if False else "skip", b"" in b)
print(b == b"hello world", b < b"help", b"a" < b"b", b"abc" == bytearray(b"abc"), b"a" == "a")
print(list(b"abc"), [hex(x) for x in b"\x00\xff"], max(b), min(b), sum(b"\x01\x02"))
print(len(b), b.count(b"o"), b.find(b"o"), b.rfind(b"o"), b.index(b"w"), b.find(111))
try:
    b[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    b + "str"
except TypeError as e:
    print(type(e).__name__, e)
try:
    300 in b
except ValueError as e:
    print(type(e).__name__, e)
try:
    b[100]
except IndexError as e:
    print(type(e).__name__, e)
print(hash(b"abc") == hash(b"abc"), {b"k": 1}[b"k"], b"%d-%s" % (5, b"x"), b"%r" % "s" if False else b"%a" % "é")
