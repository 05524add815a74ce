# Default values are evaluated once, at definition time.
counter = 0
def make():
    global counter
    counter += 1
    return counter

def f(x=make(), y=make()):
    return x, y

print(f(), f(), counter)

def append_to(item, target=[]):
    target.append(item)
    return target

print(append_to(1))
print(append_to(2))
print(append_to(3, []))
print(append_to(4))
print(append_to.__defaults__)

def safe(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target

print(safe(1), safe(2))

# __defaults__ can be replaced at runtime.
def g(a, b=1, c=2):
    return a, b, c
g.__defaults__ = (10, 20)
print(g(0))
g.__defaults__ = None
try:
    g(0)
except TypeError as e:
    print(type(e).__name__, e)
