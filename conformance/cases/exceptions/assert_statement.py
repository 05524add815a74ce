# assert raises AssertionError with an optional message.
try:
    assert 1 + 1 == 3
except AssertionError as e:
    print(type(e).__name__, repr(e), e.args)
try:
    assert False, "custom message"
except AssertionError as e:
    print(type(e).__name__, e, e.args)
try:
    assert [], ["non-string", 1]
except AssertionError as e:
    print(e.args)

def side():
    print("message evaluated")
    return "lazy"
assert True, side()
try:
    assert 0, side()
except AssertionError as e:
    print(e)
print(__debug__)
x = 5
assert x > 0
print("passed")
