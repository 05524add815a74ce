# When str() of an uncaught exception fails, the traceback says so.
class Broken(Exception):
    def __str__(self):
        raise RuntimeError("str is broken")

def fail():
    raise Broken("payload")

try:
    fail()
except Broken as e:
    print("caught once:", repr(e))

fail()
