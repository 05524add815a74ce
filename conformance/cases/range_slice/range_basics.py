# range objects: len, indexing, repr, equality, iteration.
for r in (range(5), range(2, 10), range(2, 10, 3), range(10, 0, -2), range(0), range(5, 5), range(0, -5, -1)):
    print(repr(r), len(r), list(r), bool(r))
r = range(3, 20, 4)
print(r.start, r.stop, r.step, r[0], r[-1], r[2], r.count(7), r.count(8), r.index(11))
print(range(0, 10, 2) == range(0, 9, 2), range(0) == range(1, 1), range(3) == [0, 1, 2], hash(range(2)) == hash(range(0, 2)))
print(range(10 ** 20)[-1], range(10 ** 20).stop, range(-(10 ** 18), 10 ** 18, 10 ** 17)[5])
for bad in (lambda: range(1, 2, 0), lambda: range(1.5), lambda: range(), lambda: r[100], lambda: r.index(8),
            lambda: len(range(2 ** 64)), lambda: range("3")):
    try:
        bad()
    except (ValueError, TypeError, IndexError, OverflowError) as e:
        print(type(e).__name__, e)
print(list(range(-3, 3)), list(range(5, -5, -3)), sum(range(101)), max(range(7)), min(range(3, 9)))
class Idx:
    def __index__(self):
        return 4
print(range(Idx()), list(range(1, Idx())), range(10)[Idx()])
