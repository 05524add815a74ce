# Exceptions raised during handling inside with blocks keep their context.
class Log:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print(self.name, "exit with", et.__name__ if et else None)
        return False

try:
    with Log("outer"):
        try:
            raise KeyError("first")
        except KeyError:
            with Log("inner"):
                raise ValueError("second")
except ValueError as e:
    print(type(e).__name__, e, "context:", repr(e.__context__))

class ReplaceExc:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        raise TypeError("replacement") from ev
try:
    with ReplaceExc():
        raise OSError("original")
except TypeError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)
