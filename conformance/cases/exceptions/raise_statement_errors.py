# Misusing raise.
try:
    raise 42
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise "string"
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    raise ValueError
except ValueError as e:
    print("class was instantiated:", repr(e))

class NotAnException:
    pass
try:
    raise NotAnException
except TypeError as e:
    print(type(e).__name__, e)

class BadInit(Exception):
    def __init__(self):
        raise IndexError("constructor failed")
try:
    raise BadInit
except IndexError as e:
    print(type(e).__name__, e)

def reraise():
    try:
        raise KeyError("original")
    except KeyError:
        raise
try:
    reraise()
except KeyError as e:
    print("re-raised", repr(e))
try:
    raise TypeError
except TypeError as e:
    print(repr(e), e.args)
