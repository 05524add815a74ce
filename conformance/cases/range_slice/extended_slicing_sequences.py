# Extended slicing across sequence types.
data = list(range(10))
text = "0123456789"
tup = tuple(data)
byt = bytes(data)
for sl in (slice(None, None, 2), slice(8, 2, -2), slice(-3, None), slice(None, 3), slice(3, 3),
           slice(None, None, -4), slice(-100, -8), slice(7, -100, -3)):
    print(sl.start, sl.stop, sl.step, data[sl], text[sl], tup[sl], list(byt[sl]), list(range(10)[sl]))
print(text[::-1][::-1] == text, data[len(data):], text[-1:-1])
print(text[2:8][::2], data[1::2][::-1], tup[::-1][:3])
big = 10 ** 20
print(text[:big], text[-big:2], data[big:], text[::big], text[::-big])
