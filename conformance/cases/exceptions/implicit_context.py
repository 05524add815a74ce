# __context__ is set automatically when raising during handling.
try:
    try:
        raise KeyError("first")
    except KeyError:
        raise ValueError("second")
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)

try:
    try:
        raise KeyError("a")
    finally:
        raise ValueError("in finally")
except ValueError as e:
    print(repr(e), repr(e.__context__))

try:
    try:
        raise KeyError("a")
    except KeyError as k:
        try:
            raise IndexError("b")
        except IndexError:
            raise ValueError("c")
except ValueError as e:
    print(repr(e), repr(e.__context__), repr(e.__context__.__context__))

err = RuntimeError("reused")
try:
    try:
        raise err
    except RuntimeError:
        raise err
except RuntimeError as e:
    print(e is err, e.__context__)

def handler():
    try:
        raise OSError("os")
    except OSError:
        return helper()
def helper():
    try:
        raise LookupError("look")
    except LookupError as e:
        return repr(e.__context__)
print(handler())
