# len() on builtin containers and objects with __len__.
print(len(""), len("héllo"), len("😀"), len(b"\x00\x01"), len([1, [2, 3]]), len((1,)), len({1: 2}), len({1, 2, 2}))
print(len(range(0, 100, 7)), len(bytearray(5)), len(memoryview(b"abc")), len(frozenset()), len({}.keys()))
class L:
    def __len__(self):
        return 42
print(len(L()))
class BoolLen:
    def __len__(self):
        return True
print(len(BoolLen()), type(len(BoolLen())).__name__)
for obj in (5, 1.5, None, iter([]), (x for x in [])):
    try:
        len(obj)
    except TypeError as e:
        print(type(e).__name__, e)
class Neg:
    def __len__(self):
        return -1
class Big:
    def __len__(self):
        return 2 ** 64
class Str:
    def __len__(self):
        return "3"
for obj in (Neg(), Big(), Str()):
    try:
        len(obj)
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
