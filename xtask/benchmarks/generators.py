# Generators: pipelines of generator functions and generator expressions, send and yield from.

def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(it):
    for x in it:
        yield x * x


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def chained(n):
    yield from numbers(n)
    yield from numbers(n)


def accumulator():
    total = 0
    while True:
        x = yield total
        total += x


def main():
    a = sum(evens(squares(numbers(1000000))))
    b = sum(x + 1 for x in chained(500000))
    acc = accumulator()
    next(acc)
    last = 0
    for i in range(400000):
        last = acc.send(i)
    print(a, b, last)


main()
