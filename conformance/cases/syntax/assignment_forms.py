# Chained, tuple, starred and augmented assignment; evaluation order.
a = b = c = []
a.append(1)
print(a, b, c, a is c)
x, y = y, x = 1, 2
print(x, y)
log = []
class Target:
    def __setitem__(self, k, v):
        log.append(("set", k, v))
def key(k):
    log.append(("key", k))
    return k
def value(v):
    log.append(("value", v))
    return v
t = Target()
t[key("a")] = t[key("b")] = value(1)
print(log)
log.clear()
t[key(1)], t[key(2)] = value("x"), value("y")
print(log)
first, *middle, last = "python"
print(first, middle, last)
[p, q], r = "ab", "c"
print(p, q, r)
i = 0
lst = [10, 20, 30]
i, lst[i] = 1, 99
print(i, lst)
n = 10
n += 5; n -= 3; n *= 2; n //= 5; n **= 2; n %= 7; n <<= 3; n >>= 1; n |= 1; n &= 0xFF; n ^= 2
print(n)
s = "ab"
s *= 3
print(s)
v: int = 5
w: list[int]
print(v, "w" in dir())
