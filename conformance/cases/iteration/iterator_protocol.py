# A class implementing __iter__ and __next__.
class Countdown:
    def __init__(self, start):
        self.n = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

print(list(Countdown(3)))
c = Countdown(2)
print(next(c), next(c))
try:
    next(c)
except StopIteration as e:
    print(type(e).__name__, repr(e), e.value)
print(list(c), iter(c) is c)

class Iterable:
    def __iter__(self):
        return iter([10, 20, 30])
it = Iterable()
print(list(it), list(it), sum(it), 20 in it)
for a, b in zip(Iterable(), Countdown(5)):
    print(a, b)
print(sorted(Countdown(4)), tuple(Countdown(2)), set(Countdown(1)))
print(dict.fromkeys(Countdown(2)), "".join(map(str, Countdown(3))))
x, y = Countdown(2)
print(x, y)
