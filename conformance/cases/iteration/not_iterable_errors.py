# Errors for objects that are not iterable or not iterators.
for obj in (5, 1.5, None, len):
    try:
        iter(obj)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    for x in 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)

class BadIter:
    def __iter__(self):
        return 42
try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)
try:
    list(BadIter())
except TypeError as e:
    print(type(e).__name__, e)

class NoNext:
    def __iter__(self):
        return self
try:
    iter(NoNext())
except TypeError as e:
    print(type(e).__name__, e)
try:
    next(NoNext())
except TypeError as e:
    print(type(e).__name__, e)
try:
    a, b = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    [*None]
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum(7)
except TypeError as e:
    print(type(e).__name__, e)
