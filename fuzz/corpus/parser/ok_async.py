async def main():
    await x
    async for a in b:
        pass
    async with c as d, e:
        pass
    return [i async for i in g()]
