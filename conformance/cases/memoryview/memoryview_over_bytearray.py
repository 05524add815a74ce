# memoryview over bytearray writes through to the underlying buffer.
ba = bytearray(b"hello world")
m = memoryview(ba)
print(m.readonly)
m[0] = ord("H")
m[6:11] = b"WORLD"
print(ba)
sub = m[6:]
sub[0] = ord("w")
print(ba, sub.tobytes())
try:
    m[0:2] = b"abc"
except ValueError as e:
    print(type(e).__name__, e)
try:
    m[0] = 300
except (ValueError, TypeError) as e:
    print(type(e).__name__, e)
try:
    m[0] = b"x"
except TypeError as e:
    print(type(e).__name__, e)
m2 = m[::2]
m2[0] = ord("J")
print(ba, m2.tolist()[:3])
c = m.cast("B")
print(c.format, c.tolist() == list(ba))
with memoryview(bytearray(b"ctx")) as cm:
    print(cm.tobytes(), cm.readonly)
try:
    cm.tobytes()
except ValueError as e:
    print(type(e).__name__, e)
print(memoryview(ba).tobytes() == bytes(ba), bytearray(m[:5]), bytes(m[:5].toreadonly()))
