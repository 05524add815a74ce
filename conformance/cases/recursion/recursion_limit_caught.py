# Unbounded recursion raises RecursionError, which can be caught and recovered from.
import sys
print(sys.getrecursionlimit())

def infinite(n):
    return infinite(n + 1)

try:
    infinite(0)
except RecursionError as e:
    print(type(e).__name__, e)
print(issubclass(RecursionError, RuntimeError))

depth = 0
def measure():
    global depth
    depth += 1
    measure()
try:
    measure()
except RecursionError:
    print("reached a depth between 900 and 1000:", 900 < depth <= 1000)

def recover():
    try:
        infinite(0)
    except RecursionError:
        return "recovered"
print(recover(), recover())

def countdown(n):
    return 0 if n == 0 else 1 + countdown(n - 1)
print(countdown(800))
