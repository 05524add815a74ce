# int.to_bytes and int.from_bytes with byte orders and signedness.
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (1024).to_bytes(4))
print((0).to_bytes(0, "big"), (255).to_bytes(), (-1).to_bytes(2, "big", signed=True))
print((-129).to_bytes(2, "little", signed=True), (2 ** 64 - 1).to_bytes(8, "big"))
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x04\x00", "little"))
print(int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"\xff\xff"))
print(int.from_bytes(b""), int.from_bytes([1, 2, 3], "big"), int.from_bytes(bytearray(b"\x01\x00"), "little"))
print(int.from_bytes(b"\x80", signed=True), int.from_bytes(b"\x7f", signed=True))
for n in (0, 1, -1, 127, 128, -128, -129, 2 ** 70, -(2 ** 70)):
    length = (n.bit_length() + 8) // 8
    data = n.to_bytes(length, "big", signed=True)
    print(n, data.hex(), int.from_bytes(data, "big", signed=True) == n)
for args, kwargs in [((256, 1, "big"), {}), ((-1, 1, "big"), {}), ((1, 1, "middle"), {}),
                     ((-129, 1, "big"), {"signed": True}), ((1, -1, "big"), {})]:
    n, *rest = args
    try:
        n.to_bytes(*rest, **kwargs)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
class MyInt(int):
    pass
print(type(MyInt.from_bytes(b"\x01")).__name__, MyInt.from_bytes(b"\x02"))
