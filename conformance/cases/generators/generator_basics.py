# Generators run lazily, resuming after each yield.
def gen():
    print("start")
    yield 1
    print("after 1")
    yield 2
    print("end")

g = gen()
print(type(g).__name__, g.__name__, g.__qualname__)
print("created")
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
try:
    next(g)
except StopIteration as e:
    print("again StopIteration", e.value)
print(list(gen()))

def fib(n):
    a, b = 0, 1
    for _ in range(n):
        yield a
        a, b = b, a + b
print(list(fib(10)), sum(fib(20)))

def empty():
    return
    yield
print(list(empty()))
def yields_none():
    yield
print(list(yields_none()))
print(iter(g) is g, hasattr(g, "send"), hasattr(g, "__next__"))
