# An uncaught exception: a traceback on stderr (its path normalized to $CASES) and status 1.
def divide(a, b):
    return a / b


print("about to fail")
divide(1, 0)
