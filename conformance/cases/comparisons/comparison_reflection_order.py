# Which dunder is called first, and fallback through NotImplemented.
log = []
class X:
    def __init__(self, name):
        self.name = name
    def __lt__(self, other):
        log.append(f"{self.name}.__lt__")
        return NotImplemented
    def __gt__(self, other):
        log.append(f"{self.name}.__gt__")
        return NotImplemented
    def __eq__(self, other):
        log.append(f"{self.name}.__eq__")
        return NotImplemented

a, b = X("a"), X("b")
try:
    a < b
except TypeError as e:
    print(type(e).__name__, e)
print(log)
log.clear()
print(a == b, log)
log.clear()
print(a != b, log)
log.clear()
try:
    a > 1
except TypeError as e:
    print(type(e).__name__, e, log)

class Sub(X):
    pass
log.clear()
try:
    X("base") < Sub("sub")
except TypeError:
    print(log)
