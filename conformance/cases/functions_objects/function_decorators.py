# Function decorators with and without arguments; wrapping preserves behaviour.
def trace(fn):
    def wrapper(*args, **kwargs):
        print(f"call {fn.__name__}{args}")
        result = fn(*args, **kwargs)
        print(f"return {result!r}")
        return result
    wrapper.__name__ = fn.__name__
    wrapper.__wrapped__ = fn
    return wrapper

def repeat(n):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(n)]
        return wrapper
    return deco

@trace
def add(a, b):
    return a + b

@repeat(3)
def shout(word):
    return word.upper()

print(add(1, 2), add.__name__, add.__wrapped__(5, 5))
print(shout("hi"))

order = []
def mark(name):
    order.append(f"factory {name}")
    def deco(fn):
        order.append(f"apply {name}")
        return fn
    return deco
@mark("first")
@mark("second")
def decorated():
    pass
print(order)

class Counter:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0
    def __call__(self, *args):
        self.calls += 1
        return self.fn(*args)
@Counter
def square(x):
    return x * x
print(square(3), square(4), square.calls, type(square).__name__)
@lambda fn: fn.__name__.upper()
def tricky():
    pass
print(tricky)
