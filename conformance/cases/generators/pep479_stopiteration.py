# PEP 479: StopIteration raised inside a generator becomes RuntimeError.
def bad():
    yield 1
    raise StopIteration("explicit")

g = bad()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print(type(e).__name__, e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)
    print("suppress:", e.__suppress_context__)

def leaks_next():
    it = iter([1])
    while True:
        yield next(it)
try:
    print(list(leaks_next()))
except RuntimeError as e:
    print(type(e).__name__, e)

def fine():
    it = iter([1, 2])
    while True:
        try:
            yield next(it)
        except StopIteration:
            return
print(list(fine()))

async_like = (x for x in [1])
print(list(async_like))

def subclass_stop():
    class MyStop(StopIteration):
        pass
    yield 0
    raise MyStop
try:
    list(subclass_stop())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
