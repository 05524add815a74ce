# Where `await`, `async for`, `async with`, async comprehensions and `yield` are refused.
sources = [
    "await x",
    "def f():\n    await x",
    "def f():\n    async for x in y: pass",
    "def f():\n    async with x: pass",
    "async for x in y: pass",
    "async with x: pass",
    "def f():\n    return [x async for x in y]",
    "[x async for x in y]",
    "async def f():\n    yield from x",
    "async def f():\n    yield 1\n    return 2",
    "async def f():\n    lambda: await x",
    "async def f():\n    def g():\n        await x",
    "def f():\n    return [await x for x in y]",
    "class C:\n    await x",
    "async def f():\n    class C:\n        await x",
    "def f(x=await y): pass",
]
for src in sources:
    try:
        compile(src, "<case>", "exec")
        print("compiles:", repr(src))
    except SyntaxError as e:
        print(f"{e.lineno}:{e.offset}-{e.end_lineno}:{e.end_offset}", e.msg)
allowed = [
    "async def f():\n    return [x async for x in y], {await v for v in w}",
    "def f():\n    return (x async for x in y)",
    "def f():\n    return (await x for x in y)",
    "async def f():\n    yield 1\n    return",
    "async def f():\n    async with a as b, c:\n        async for x in b:\n            await x",
    "async def f():\n    return [[z async for z in y] for y in w]",
    "async def f(): await (yield)",
]
for src in allowed:
    code = compile(src, "<case>", "exec")
    print("ok", [hex(c.co_flags & 0x3a0) for c in code.co_consts if hasattr(c, "co_flags")])
async def agen():
    yield 1
def g():
    return (x async for x in agen())
ge = g()
print(type(ge).__name__, ge.__qualname__, hex(ge.ag_code.co_flags & 0x3a0))
