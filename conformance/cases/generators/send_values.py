# send() resumes a generator with a value for the yield expression.
def accumulator():
    total = 0
    while True:
        value = yield total
        print("received", value)
        if value is None:
            break
        total += value
    return total

g = accumulator()
print(g.send(None))
print(g.send(5))
print(g.send(10))
try:
    g.send(None)
except StopIteration as e:
    print("finished with", e.value)

g2 = accumulator()
try:
    g2.send(1)
except TypeError as e:
    print(type(e).__name__, e)
print(next(g2), g2.send(3))

def echo():
    received = []
    while len(received) < 3:
        x = yield len(received)
        received.append(x)
    yield received
e = echo()
next(e)
e.send("a")
next(e)
print(e.send("c"))
g3 = accumulator()
g3.close()
try:
    g3.send(None)
except StopIteration:
    print("closed generator raises StopIteration on send")
