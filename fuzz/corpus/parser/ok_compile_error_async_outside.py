await x
async with a: pass
