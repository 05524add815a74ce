# sys.exc_info() and sys.exception() inside and outside handlers.
import sys
print(sys.exc_info(), sys.exception())
try:
    raise KeyError("x")
except KeyError as e:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), v is e, tb is e.__traceback__, sys.exception() is e)
    try:
        raise ValueError("nested")
    except ValueError:
        print(sys.exc_info()[0].__name__)
    print("restored:", sys.exc_info()[0].__name__)
print(sys.exc_info(), sys.exception())

def in_function():
    return sys.exception()
try:
    raise IndexError
except IndexError:
    print(type(in_function()).__name__)

def gen():
    yield sys.exception()
try:
    raise OSError
except OSError:
    g = gen()
    print(type(next(g)).__name__)
