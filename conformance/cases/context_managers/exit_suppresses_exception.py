# A truthy return from __exit__ suppresses the exception.
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.types):
            print("suppressing", exc_type.__name__, exc)
            return True
        return False

with Suppress(KeyError):
    {}["missing"]
    print("not reached")
print("after suppressed KeyError")

try:
    with Suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("propagated", type(e).__name__, e)

class Truthy:
    def __enter__(self):
        pass
    def __exit__(self, *args):
        return "non-empty string is truthy"
with Truthy():
    1 / 0
print("suppressed by truthy string")

class Falsy:
    def __enter__(self):
        pass
    def __exit__(self, *args):
        return 0
try:
    with Falsy():
        1 / 0
except ZeroDivisionError as e:
    print("not suppressed by 0:", e)

def f():
    for i in range(3):
        with Suppress(ZeroDivisionError):
            print("iteration", i, 1 / (i - 1))
    return "finished"
print(f())
