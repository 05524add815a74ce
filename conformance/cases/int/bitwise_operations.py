# Bitwise operators on positive, negative and large integers.
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, a << 3, a >> 2)
print(-12 & 10, -12 | 10, -12 ^ 10, ~-12, -12 << 2, -12 >> 2, -1 >> 100)
print(bin(-12 & 0xFF), bin(~0), bin(-1 << 70 >> 68))
big = (1 << 100) | 0xF0F0
print(big & 0xFFFF, big >> 96, big ^ (1 << 100), (~big) & 0xFF)
print(-(2 ** 100) & (2 ** 64 - 1), -(2 ** 100) | 1, (2 ** 100) ^ -1)
print((5).bit_length(), (0).bit_length(), (-5).bit_length(), (2 ** 100).bit_length())
print((255).bit_count(), (-255).bit_count(), (0).bit_count(), (2 ** 100 - 1).bit_count())
print(True & False, True | 0, True ^ True, type(True & True).__name__, type(True & 1).__name__)
print(1 << 0, 0 << 1000, 1 >> 1, 5 >> 64)
for bad in (lambda: 1 << -1, lambda: 1 >> -1, lambda: 1 << 2.0):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
