# Method calls and attribute access on instances: small classes, inheritance, properties.

class Counter:
    def __init__(self, start):
        self.value = start
        self.calls = 0

    def bump(self, by):
        self.value += by
        self.calls += 1
        return self.value


class Scaled(Counter):
    def __init__(self, start, factor):
        super().__init__(start)
        self.factor = factor

    def bump(self, by):
        return Counter.bump(self, by * self.factor)

    @property
    def doubled(self):
        return self.value * 2


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def norm1(self):
        return abs(self.x) + abs(self.y)


def main():
    c = Counter(0)
    s = Scaled(1, 3)
    total = 0
    for i in range(1000000):
        c.bump(1)
        s.bump(i & 7)
        total += s.doubled - c.value
    p = Point(0, 0)
    step = Point(1, -2)
    for _ in range(500000):
        p = p.add(step)
    print(c.value, c.calls, s.value, total, p.norm1())


main()
