# slice objects and slice.indices().
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, repr(slice(None)), slice(5), slice(1, 2))
for sl in (slice(None), slice(1, None), slice(None, -1), slice(-3, None), slice(None, None, -1),
           slice(2, 100, 3), slice(-100, 100), slice(10, 0, -2), slice(None, None, -3)):
    print(sl, sl.indices(7), list(range(7))[sl], "abcdefg"[sl])
try:
    slice(None, None, 0).indices(5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    slice(1, 2).indices(-1)
except ValueError as e:
    print(type(e).__name__, e)
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2) < slice(1, 3))
print(slice("a", "b", "c"), slice(0.5, 2.5).start)
try:
    [1, 2, 3][slice("a", None)]
except TypeError as e:
    print(type(e).__name__, e)
class Obj:
    def __getitem__(self, key):
        return key
o = Obj()
print(o[1:2], o[::], o[1:2, 3], o[..., 1:], o[:, None])
print(slice(1, 5, 2).indices(3), slice(-1, -10, -1).indices(4))
