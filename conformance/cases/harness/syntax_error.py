# A syntax error is reported before anything runs: CPython's message, caret and status 1.
print("never printed")
x = (1,
