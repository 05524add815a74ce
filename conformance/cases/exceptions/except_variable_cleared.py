# The 'as' name is deleted at the end of the except block.
e = "outer value"
try:
    raise ValueError("inner")
except ValueError as e:
    print("inside:", e)
try:
    print(e)
except NameError as err:
    print(type(err).__name__, err)

def f():
    x = 1
    try:
        raise KeyError
    except KeyError as x:
        pass
    try:
        return x
    except UnboundLocalError as err:
        return f"{type(err).__name__}: {err}"
print(f())

saved = None
try:
    raise RuntimeError("keep me")
except RuntimeError as exc:
    saved = exc
print(repr(saved))

try:
    1 / 0
except ZeroDivisionError:
    pass
print("no variable was bound")
