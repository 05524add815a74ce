# iter(callable, sentinel) and next(iterator, default).
data = [1, 2, 3, 0, 4, 0]
pos = -1
def read():
    global pos
    pos += 1
    return data[pos]

print(list(iter(read, 0)))
print(pos)
it = iter(read, 0)
print(next(it), next(it, "done"))
print(type(iter(read, 0)).__name__)

it = iter([1])
print(next(it), next(it, None), next(it, "default"))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, e.args)
try:
    next([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(5, 0)
except TypeError as e:
    print(type(e).__name__, e)

counter = iter(range(10).__iter__().__next__, 4)
print(list(counter))
calls = []
def raiser():
    calls.append(1)
    if len(calls) > 2:
        raise StopIteration
    return len(calls)
print(list(iter(raiser, None)))
