# aiter() and anext() driven by hand, without an event loop.
async def agen():
    yield 1
    yield 2

def run(awaitable):
    try:
        awaitable.send(None)
    except StopIteration as e:
        return e.value
    raise RuntimeError("awaitable suspended unexpectedly")

g = agen()
it = aiter(g)
print(it is g, type(g).__name__)
print(run(anext(it)), run(anext(it)))
try:
    run(anext(it))
except StopAsyncIteration as e:
    print(type(e).__name__, repr(e))
print(run(anext(agen())), run(anext(it, "default")))
class AIter:
    def __init__(self):
        self.n = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        self.n += 1
        if self.n > 2:
            raise StopAsyncIteration
        return self.n * 10
a = AIter()
print(run(anext(a)), run(anext(a)), run(anext(a, "done")))
for bad in (lambda: aiter([1]), lambda: anext(iter([1]))):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
async def coro():
    return "coroutine value"
print(run(coro()))
