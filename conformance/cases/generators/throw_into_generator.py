# throw() raises an exception at the paused yield.
def guarded():
    while True:
        try:
            yield "waiting"
        except ValueError as e:
            print("caught inside:", e)
            yield "recovered"
        finally:
            print("finally block")

g = guarded()
print(next(g))
print(g.throw(ValueError("bad value")))
print(next(g))
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated:", type(e).__name__, e)
try:
    next(g)
except StopIteration:
    print("generator is done")

def simple():
    yield 1
s = simple()
try:
    s.throw(RuntimeError("before start"))
except RuntimeError as e:
    print(type(e).__name__, e)
print(list(s))

def converter():
    try:
        yield 1
    except ZeroDivisionError:
        return "converted to return"
c = converter()
next(c)
try:
    c.throw(ZeroDivisionError)
except StopIteration as e:
    print("StopIteration value:", e.value)
