# memoryview over bytes: read-only views, slicing without copying, tolist.
b = b"abcdef"
m = memoryview(b)
print(m.readonly, len(m), m[0], m[-1], m.tolist(), m.tobytes(), bytes(m[1:3]), m.nbytes)
print(m.format, m.itemsize, m.ndim, m.shape, m.strides, m.obj is b, m.contiguous)
s = m[::2]
print(s.tolist(), s.tobytes(), s.contiguous, s.shape, s.strides)
print(m == b, m[:3] == b"abc", m[:3] == memoryview(b"abc"), m.hex(), m[2:4].hex())
try:
    m[0] = 65
except TypeError as e:
    print(type(e).__name__, e)
try:
    m[10]
except IndexError as e:
    print(type(e).__name__, e)
print(list(m[1:4]), [x for x in m[4:]], bytes(reversed(m)), b"c" in bytes(m))
print(m.toreadonly().readonly, m.tolist() == list(b), memoryview(m).obj is b)
m.release()
try:
    len(m)
except ValueError as e:
    print(type(e).__name__, e)
print(repr(m)[:20])
