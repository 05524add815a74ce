# The coroutine protocol driven by hand: send/throw/close, states, and a tiny event loop.
class Suspend:
    """An awaitable that suspends its coroutine once, yielding a request to the loop."""
    def __init__(self, request):
        self.request = request
    def __await__(self):
        reply = yield self.request
        return reply

async def worker(name, n):
    total = 0
    for i in range(n):
        total += await Suspend((name, i))
    return f"{name} done: {total}"

co = worker("w", 2)
print(type(co).__name__, co.__name__, co.__qualname__, co.cr_running, co.cr_suspended)
print(co.send(None), co.cr_suspended, type(co.cr_await).__name__)
print(co.send(10))
try:
    co.send(5)
except StopIteration as e:
    print("StopIteration:", e.value)
print(co.cr_frame, co.cr_await, co.cr_suspended)
try:
    co.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

async def guarded():
    try:
        await Suspend("first")
    except KeyError as e:
        print("caught", repr(e))
        await Suspend("after catch")
    finally:
        print("finally runs")
    return "guarded end"

g = guarded()
print(g.send(None))
print(g.throw(KeyError("k")))
try:
    g.send(None)
except StopIteration as e:
    print(e.value)

h = guarded()
h.send(None)
print(h.close(), h.cr_frame)
fresh = guarded()
try:
    fresh.send(1)
except TypeError as e:
    print("TypeError:", e)
print(fresh.close(), fresh.cr_suspended)

def run(tasks):
    """Round-robin loop: each request is answered with len(str(request))."""
    results, ready = {}, [(t, None) for t in tasks]
    while ready:
        task, value = ready.pop(0)
        try:
            request = task.send(value)
        except StopIteration as e:
            results[task.__qualname__ + str(len(results))] = e.value
            continue
        print("  loop got", request)
        ready.append((task, len(str(request))))
    return results

print(run([worker("a", 2), worker("bb", 3)]))

async def raises_stop():
    raise StopIteration("inner")
try:
    raises_stop().send(None)
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__))
c = raises_stop()
w = c.__await__()
print(type(w).__name__, iter(w) is w)
try:
    next(w)
except RuntimeError as e:
    print("via wrapper:", e)
