a = [x for x in y if x if not x]
b = {k: v for k, v in items}
c = {x for x in y}
d = (x for x in y for z in x)
e = [await x async for x in aiter()]
