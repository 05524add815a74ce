# raise ... from sets __cause__ and __suppress_context__.
try:
    try:
        {}["k"]
    except KeyError as ke:
        raise ValueError("converted") from ke
except ValueError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("hidden context") from None
except RuntimeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)

try:
    raise TypeError("t") from ValueError("explicit cause, no context")
except TypeError as e:
    print(repr(e.__cause__), e.__context__, e.__suppress_context__)

try:
    raise TypeError("t") from ValueError
except TypeError as e:
    print(repr(e.__cause__))

try:
    raise TypeError("t") from 5
except TypeError as e:
    print(type(e).__name__, e)

e = ValueError()
print(e.__cause__, e.__context__, e.__suppress_context__, e.__traceback__)
e.__cause__ = KeyError("set manually")
print(repr(e.__cause__), e.__suppress_context__)
try:
    e.__cause__ = "nope"
except TypeError as ex:
    print(type(ex).__name__, ex)
