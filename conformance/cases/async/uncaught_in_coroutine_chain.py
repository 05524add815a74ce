# An exception escaping a chain of coroutines, an async generator and `async for`, driven by
# hand: the traceback shows every await and the `async for` line.
class Tick:
    def __await__(self):
        return (yield "tick")

async def leaf():
    await Tick()
    raise ValueError("leaf failed")

async def middle():
    try:
        await leaf()
    except ValueError as e:
        raise KeyError("middle") from e

async def numbers():
    yield 1
    await middle()
    yield 2

async def main():
    async with Manager():
        async for n in numbers():
            print("got", n)

class Manager:
    async def __aenter__(self):
        print("enter")
    async def __aexit__(self, typ, val, tb):
        print("exit with", typ.__name__)

coro = main()
while True:
    print("loop:", coro.send(None))
