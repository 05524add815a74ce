# sys.set_asyncgen_hooks / get_asyncgen_hooks: firstiter runs when an async generator is first
# iterated; the hooks are validated, kept when not given, and unset by None.
import sys

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

hooks = sys.get_asyncgen_hooks()
print(type(hooks).__name__, hooks, hooks.firstiter, hooks[1], len(hooks))
print(type(hooks) is type(sys.get_asyncgen_hooks()))

seen = []
def firstiter(agen):
    seen.append(agen.__qualname__)
def finalizer(agen):
    print("finalizer called for", agen.__qualname__)

sys.set_asyncgen_hooks(firstiter, finalizer=finalizer)
h = sys.get_asyncgen_hooks()
print(h.firstiter is firstiter, h.finalizer is finalizer)

async def numbers(n):
    for i in range(n):
        yield i

async def main():
    out = [x async for x in numbers(2)]
    g = numbers(3)
    print("created, seen:", seen)
    out.append(await g.__anext__())
    out.append(await g.asend(None))
    await g.aclose()
    return out

print(run(main()), seen)

sys.set_asyncgen_hooks(finalizer=None)
h = sys.get_asyncgen_hooks()
print(h.firstiter is firstiter, h.finalizer)

def failing(agen):
    raise KeyError("hook failed for " + agen.__name__)
sys.set_asyncgen_hooks(firstiter=failing)
g = numbers(1)
try:
    g.__anext__()
except KeyError as e:
    print("KeyError:", e)
print(run(g.__anext__()))  # the hooks run only once per generator
run(g.aclose())

for args, kwargs in [((1,), {}), ((None, 2), {}), ((), {"firstiter": len, "finalizer": 3}),
                     ((1, 2, 3), {}), ((None,), {"firstiter": None}), ((), {"bogus": None})]:
    try:
        sys.set_asyncgen_hooks(*args, **kwargs)
    except TypeError as e:
        print("TypeError:", e)
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())
