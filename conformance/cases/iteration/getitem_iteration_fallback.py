# Without __iter__, iteration falls back to __getitem__ with 0, 1, 2... until IndexError.
class Squares:
    def __getitem__(self, i):
        print("getitem", i)
        if i >= 4:
            raise IndexError(i)
        return i * i

print(list(Squares()))
it = iter(Squares())
print(type(it).__name__, next(it), next(it))
print(9 in Squares())
print(5 in Squares())

class StopsWithStopIteration:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return i
print(list(StopsWithStopIteration()))

class KeyErrorStops:
    def __getitem__(self, i):
        raise KeyError(i)
try:
    list(KeyErrorStops())
except KeyError as e:
    print(type(e).__name__, e)

class NotIterable:
    __iter__ = None
    def __getitem__(self, i):
        return i
try:
    iter(NotIterable())
except TypeError as e:
    print(type(e).__name__, e)
a, b, c, d = Squares()
print(a, b, c, d)
try:
    a, b, c = Squares()
except ValueError as e:
    print(type(e).__name__, e)
