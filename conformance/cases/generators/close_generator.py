# close() raises GeneratorExit inside the generator.
def with_cleanup():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit received")
        raise
    finally:
        print("cleanup")

g = with_cleanup()
print(next(g))
print(g.close())
g.close()
print(list(g))

g = with_cleanup()
g.close()
print("closing unstarted generator runs nothing")

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "ignored"
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(type(e).__name__, e)

def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return "value from close"
r = returns_on_exit()
next(r)
print(r.close())

def other_exc():
    try:
        yield
    finally:
        raise ValueError("from finally")
o = other_exc()
next(o)
try:
    o.close()
except ValueError as e:
    print(type(e).__name__, e)
print(issubclass(GeneratorExit, Exception), issubclass(GeneratorExit, BaseException))
