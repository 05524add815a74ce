# breakpoint() calls sys.breakpointhook with its arguments.
import sys
calls = []
def hook(*args, **kwargs):
    calls.append((args, kwargs))
    return "hook result"
original = sys.breakpointhook
sys.breakpointhook = hook
print(breakpoint())
print(breakpoint(1, 2, key="value"))
print(calls)
sys.breakpointhook = None
try:
    breakpoint()
except TypeError as e:
    print(type(e).__name__, e)
del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print(type(e).__name__, e)
sys.breakpointhook = original
print(sys.breakpointhook is sys.__breakpointhook__)
