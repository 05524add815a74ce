async def f():
    x = await y
    z = (await a)(b)
    return await c[d]
