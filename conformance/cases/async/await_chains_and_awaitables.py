# `await` chains through coroutines and objects with __await__, and the errors of `await`.
class Ready:
    def __init__(self, value):
        self.value = value
    def __await__(self):
        return self.value  # a generator that returns at once
        yield

class Value:
    def __init__(self, value):
        self.value = value
    def __await__(self):
        got = yield "asking"
        return (self.value, got)

async def leaf(x):
    return x * 2

async def middle(x):
    a = await leaf(x)
    b = await Value(a)
    return a, b

async def top():
    r = await middle(5)
    n = await Ready(1)
    return r, n

co = top()
print(co.send(None))
try:
    co.send("reply")
except StopIteration as e:
    print("result", e.value)

def drive(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
    except Exception as e:
        return f"{type(e).__name__}: {e}"

async def awaits_self_wrapper():
    c = leaf(4)
    return await Awaiter(c)
class Awaiter:
    def __init__(self, c):
        self.c = c
    def __await__(self):
        return self.c.__await__()
print(drive(awaits_self_wrapper()))

async def deep(n):
    if n == 0:
        return 0
    return 1 + await deep(n - 1)
print(drive(deep(50)))
