# Slicing ranges returns ranges; membership is computed arithmetically.
r = range(0, 20, 3)
print(r[1:4], r[::-1], r[::2], r[-2:], r[5:1:-2], r[100:], r[:0], list(r[::-3]))
print(range(10, 0, -3)[1:], range(5)[::-1] == range(4, -1, -1), range(10)[2:8:3])
print(9 in r, 10 in r, 18 in r, 21 in r, -3 in r, 9.0 in r, "9" in r, True in range(2))
print(10 ** 30 in range(0, 10 ** 31, 10 ** 29), 10 ** 30 + 1 in range(0, 10 ** 31, 10 ** 29))
print(range(0, -10, -2).index(-6), range(0, -10, -2).count(-6), 0 in range(0), -1 in range(0, -5, -1))
class Eq:
    def __eq__(self, other):
        return other == 3
    __hash__ = None
print(Eq() in range(5), Eq() in range(4, 10), range(5).count(Eq()))
rev = reversed(range(1, 10, 4))
print(type(rev).__name__, list(rev), list(reversed(range(0))))
it = iter(range(3))
print(next(it), it.__length_hint__(), list(it))
