# `async for`, `async with` and async comprehensions, driven without an event loop.
def run(coro):
    try:
        while True:
            print("  suspended at", coro.send(None))
    except StopIteration as e:
        return e.value

class Tick:
    def __await__(self):
        yield "tick"

class Counter:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        if self.i == 2:
            await Tick()
        return self.i

class Manager:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    async def __aenter__(self):
        print("enter", self.name)
        return self.name.upper()
    async def __aexit__(self, typ, val, tb):
        await Tick()
        print("exit", self.name, typ.__name__ if typ else None, val)
        return self.suppress

async def agen(n):
    for i in range(n):
        yield i * 10
        await Tick()

async def main():
    out = []
    async for x in Counter(3):
        out.append(x)
    else:
        out.append("else")
    async for x in Counter(5):
        if x == 3:
            break
        if x == 1:
            continue
        out.append(-x)
    print("for:", out)
    async with Manager("a") as a, Manager("b") as b:
        print("body", a, b)
    async with Manager("s", suppress=True):
        raise ValueError("swallowed")
    try:
        async with Manager("p"):
            raise KeyError("kept")
    except KeyError as e:
        print("propagated", repr(e))
    for label in ("ret",):
        async with Manager(label):
            return [x async for x in agen(3)], {x: y async for x, y in pairs()}, \
                [await v for v in (ready(1), ready(2))], [y for x in [1, 2] async for y in agen(x)]

async def pairs():
    yield "k", 1
    yield "j", 2

async def ready(v):
    return v

print(run(main()))

async def genexp_user():
    g = (x + 1 async for x in agen(2))
    print(type(g).__name__, g.__qualname__)
    return [y async for y in g]
print(run(genexp_user()))
