# A bytearray cannot be resized while a memoryview exports its buffer.
ba = bytearray(b"abcdef")
m = memoryview(ba)
m[0] = ord("A")
print(ba, m[0], m.tolist()[:3])
try:
    ba.append(1)
except BufferError as e:
    print(type(e).__name__, e)
try:
    ba.extend(b"xyz")
except BufferError as e:
    print(type(e).__name__, e)
try:
    del ba[0]
except BufferError as e:
    print(type(e).__name__, e)
ba[1] = ord("B")
print(bytes(m[:3]))
m.release()
ba.append(ord("!"))
print(ba)
with memoryview(ba) as m2:
    print(m2.readonly, len(m2))
ba.clear()
print(ba)
try:
    m2[0]
except ValueError as e:
    print(type(e).__name__, e)
