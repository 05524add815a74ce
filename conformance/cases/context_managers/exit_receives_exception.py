# __exit__ receives the exception type, value and traceback.
class Inspect:
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        print("type:", exc_type.__name__ if exc_type else None)
        print("value:", repr(exc))
        print("tb:", type(tb).__name__)
        if tb is not None:
            print("tb_lineno:", tb.tb_lineno, "is exc tb:", tb is exc.__traceback__)
        return True

with Inspect():
    pass
with Inspect():
    raise KeyError("k")
with Inspect():
    int("x")

class Raises:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        raise RuntimeError("from __exit__")
try:
    with Raises():
        raise ValueError("original")
except RuntimeError as e:
    print(type(e).__name__, e, "| context:", type(e.__context__).__name__, e.__context__)
