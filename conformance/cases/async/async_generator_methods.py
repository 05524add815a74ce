# Async generator objects: __anext__/asend/athrow/aclose and their awaitables, by hand.
def step(awaitable, value=None):
    """One send into an awaitable: ('yield', v), ('return', v) or ('raise', exc)."""
    try:
        return ("yield", awaitable.send(value))
    except StopIteration as e:
        return ("return", e.value)
    except BaseException as e:
        return ("raise", f"{type(e).__name__}: {e}")

class Tick:
    def __await__(self):
        got = yield "tick"
        return got

async def echo():
    received = None
    try:
        while True:
            got = await Tick()
            received = yield (received, got)
    except ValueError as e:
        yield f"handled {e}"
    finally:
        print("  echo cleanup")

g = echo()
print(type(g).__name__, g.__name__, g.ag_running, g.ag_suspended, g.ag_await)
a = g.__anext__()
print(type(a).__name__, step(a), g.ag_running)
print(step(a, "t1"), g.ag_running, g.ag_suspended)
print(step(a))
b = g.asend("hello")
print(step(b), step(b, "t2"))
c = g.athrow(ValueError("boom"))
print(type(c).__name__, step(c))
print(step(g.__anext__()))
print(step(g.__anext__()))
print(step(g.aclose()))

async def countdown(n):
    while n:
        yield n
        n -= 1

g = countdown(3)
x = g.__anext__()
print(step(x), step(x))
print(step(g.aclose()), step(g.__anext__()), step(g.athrow(KeyError)))

async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "no"
g = stubborn()
print(step(g.__anext__()), step(g.aclose()))

async def awaits_in_finally():
    try:
        yield 1
    finally:
        r = await Tick()
        print("  finally awaited", r)
g = awaits_in_finally()
step(g.__anext__())
close = g.aclose()
print(step(close), step(close, "r"), step(close))

g = countdown(2)
first = g.__anext__()
print(step(first), step(g.__anext__()))
print(step(countdown(1).asend(1)), step(g.asend(1)))

async def returns_early():
    yield 1
    return
g = returns_early()
print(step(g.__anext__()), step(g.__anext__()), step(g.__anext__()))
try:
    compile("async def f():\n yield 1\n return 2\n", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
