# gcd, lcm, isqrt, factorial, comb, perm and their errors.
import math
print(math.gcd(12, 18), math.gcd(-12, 18), math.gcd(0, 5), math.gcd(0, 0), math.gcd(), math.gcd(12, 18, 27), math.gcd(2 ** 100, 6 ** 50))
print(math.lcm(4, 6), math.lcm(-4, 6), math.lcm(0, 5), math.lcm(), math.lcm(2, 3, 4), math.lcm(10 ** 20, 15))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10 ** 40 + 1), math.isqrt(True))
print(math.factorial(0), math.factorial(5), math.factorial(20), len(str(math.factorial(1000))))
print(math.comb(5, 2), math.comb(5, 0), math.comb(5, 6), math.comb(100, 50), math.comb(10 ** 6, 2))
print(math.perm(5, 2), math.perm(5), math.perm(5, 0), math.perm(5, 6), math.perm(20, 10))
bad = [lambda: math.factorial(-1), lambda: math.factorial(2.0), lambda: math.factorial(1.5),
       lambda: math.isqrt(-1), lambda: math.isqrt(2.0), lambda: math.comb(-1, 2), lambda: math.comb(5, -1),
       lambda: math.comb(5.0, 2), lambda: math.perm(-5), lambda: math.gcd(1.5, 3), lambda: math.lcm("a")]
for b in bad:
    try:
        print(b())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
class Idx:
    def __index__(self):
        return 6
print(math.factorial(Idx()), math.gcd(Idx(), 4), math.isqrt(Idx()), math.comb(Idx(), 3))
