# divmod() for ints, floats, negatives and custom types.
for a, b in [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (7.5, 2), (-7.5, 2), (7, 0.5), (10 ** 20, 3), (True, 2)]:
    print(a, b, divmod(a, b), (a // b, a % b) == divmod(a, b))
print(divmod(1e308, 1e-308)[1], divmod(-0.0, 1), divmod(0.0, -1))
class D:
    def __divmod__(self, other):
        return ("divmod", other)
    def __rdivmod__(self, other):
        return ("rdivmod", other)
print(divmod(D(), 1), divmod(1, D()))
for bad in ((1, 0), (1.0, 0.0), ("a", 1), (1j, 1)):
    try:
        divmod(*bad)
    except (ZeroDivisionError, TypeError) as e:
        print(type(e).__name__, e)
