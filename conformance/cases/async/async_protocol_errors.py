# The errors of `await`, `async for` and `async with`, and coroutines used as iterators.
def drive(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
    except Exception as e:
        return f"{type(e).__name__}: {e}"

async def leaf(x):
    return x * 2

class NotIter:
    def __await__(self):
        return 42
made = []
class ReturnsCoro:
    def __await__(self):
        made.append(leaf(1))
        return made[-1]
class GenAwait:
    def __await__(self):
        yield from ()
        return "from generator __await__"

for obj in (7, NotIter(), GenAwait()):
    async def use(o=obj):
        return await o
    print(drive(use()))
async def use_coro():
    return await ReturnsCoro()
print(drive(use_coro()))
made.pop().close()

async def twice():
    c = leaf(3)
    first = await c
    second = await c
    return first, second
print(drive(twice()))

def gen():
    made.append(leaf(1))
    yield from made[-1]
try:
    next(gen())
except TypeError as e:
    print("TypeError:", e)
made.append(leaf(1))
try:
    iter(made[-1])
except TypeError as e:
    print("TypeError:", e)
for c in made:
    c.close()
print(hex(leaf.__code__.co_flags & 0x3a0), hex(gen.__code__.co_flags & 0x3a0))

async def errors():
    for bad in (1, Manager):
        try:
            async for x in bad:
                pass
        except TypeError as e:
            print("TypeError:", e)
    class NoAwait:
        def __aiter__(self):
            return self
        def __anext__(self):
            return 5
    try:
        async for x in NoAwait():
            pass
    except TypeError as e:
        print("TypeError:", e, "| cause:", e.__cause__)
    class Plain:  # a sync context manager
        def __enter__(self):
            return self
        def __exit__(self, *a):
            pass
    try:
        async with Plain():
            pass
    except TypeError as e:
        print("TypeError:", e)
    class BadEnter:
        def __aenter__(self):
            return 1
        async def __aexit__(self, *a):
            pass
    try:
        async with BadEnter():
            pass
    except TypeError as e:
        print("TypeError:", e)
print(drive(errors()))
