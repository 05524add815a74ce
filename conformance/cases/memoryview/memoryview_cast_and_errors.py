# memoryview.cast to other formats and errors.
data = bytearray(range(8))
m = memoryview(data)
h = m.cast("H")
print(h.format, h.itemsize, len(h), h.nbytes, h.shape)
print(m.cast("B", (2, 4)).tolist(), m.cast("B", (2, 4)).shape, m.cast("B", (2, 4)).strides)
i = m.cast("i")
print(len(i), i.itemsize, i.format)
i[0] = -1
print(list(data[:4]))
c = m.cast("c")
print(c[0], c.tolist()[:3], c.format)
b2 = m.cast("b")
data[0] = 200
print(b2[0], m[0])
for bad in (lambda: m.cast("Q", (3,)), lambda: m.cast("zz"), lambda: memoryview("str"),
            lambda: memoryview(5), lambda: m[::2].cast("H"), lambda: hash(m)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(hash(memoryview(b"ab")) == hash(b"ab"), memoryview(b"xy").cast("B").tolist())
print(memoryview(b"\x01\x00\x02\x00").cast("<H".lstrip("<")).tolist())
