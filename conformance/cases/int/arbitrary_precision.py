# Arbitrary precision integer arithmetic.
a = 2 ** 100
b = 3 ** 70
print(a, b)
print(a + b, a - b, b - a)
print(a * b)
print(a // 7, a % 7, b // a, b % a)
print(-a // 3, -a % 3)
print(2 ** 256 - 1)
print((2 ** 64) * (2 ** 64) == 2 ** 128, 10 ** 50 // 10 ** 25)
f = 1
for i in range(1, 41):
    f *= i
print(f)
print(f // (2 ** 30), f % 1000000007)
print(-(10 ** 30), abs(-(10 ** 30)), -(-(10 ** 30)))
print(len(str(7 ** 1000)), str(7 ** 1000)[:20], str(7 ** 1000)[-20:])
print((10 ** 40 + 1) * (10 ** 40 - 1) == 10 ** 80 - 1)
n = 123456789012345678901234567890
print(n * n, n ** 3 % 1000)
print(sum(range(10 ** 6)), sum(i * i for i in range(1000)))
print(type(2 ** 200).__name__, 2 ** 200 > 2 ** 199, int(2 ** 200 == 2.0 ** 200))
print((1 << 200) >> 190, -(1 << 70) >> 65, (1 << 64) - 1 & 0xFFFF)
