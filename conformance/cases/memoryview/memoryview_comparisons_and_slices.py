# memoryview equality, slicing shares memory, and conversions.
ba = bytearray(b"0123456789")
m = memoryview(ba)
print(m == b"0123456789", m == bytearray(b"0123456789"), m[2:5] == b"234", m == m, m != b"x")
print(memoryview(b"ab") == memoryview(bytearray(b"ab")), memoryview(b"ab") == "ab", memoryview(b"") == b"")
s = m[2:8:2]
print(s.tobytes(), s.tolist(), len(s), s.nbytes, s.shape, s.strides, s.c_contiguous)
ba[2] = ord("X")
print(s.tobytes(), bytes(s), list(s))
t = m[::-1]
print(t.tobytes(), t[0], t[-1], t.strides)
print(bytes(m[-3:]), m[-1], m[len(m) - 1], bytes(m[100:]), bytes(m[:0]))
try:
    m < m
except TypeError as e:
    print(type(e).__name__, e)
try:
    m[1:3] = bytearray(b"A")
except ValueError as e:
    print(type(e).__name__, e)
m[1:3] = memoryview(b"AB")
print(ba)
try:
    m["a"]
except TypeError as e:
    print(type(e).__name__, e)
print(str(bytes(m), "ascii"), m.tolist()[:3], bytearray(m).upper())
