# reversed() uses __reversed__ or the sequence protocol (__len__ + __getitem__).
class Custom:
    def __reversed__(self):
        return iter("zyx")
print(list(reversed(Custom())))

class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        print("getitem", i)
        return i * 10
print(list(reversed(Seq())))

print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")))
print(list(reversed(range(5))), list(reversed(range(0, 10, 3))))
print(list(reversed({"a": 1, "b": 2})), list(reversed({"a": 1}.items())))
print(type(reversed([])).__name__, type(reversed(range(2))).__name__)
for bad in ({1, 2}, iter([1]), 5, (x for x in [])):
    try:
        reversed(bad)
    except TypeError as e:
        print(type(e).__name__, e)

class NoneReversed:
    __reversed__ = None
    def __len__(self):
        return 1
    def __getitem__(self, i):
        return i
try:
    reversed(NoneReversed())
except TypeError as e:
    print(type(e).__name__, e)
r = reversed([1, 2, 3])
print(r.__length_hint__(), next(r), r.__length_hint__())
