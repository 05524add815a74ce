# Invalid __bool__ and __len__ results.
class BadBool:
    def __bool__(self):
        return 1
class NegLen:
    def __len__(self):
        return -1
class HugeLen:
    def __len__(self):
        return 2 ** 100
class FloatLen:
    def __len__(self):
        return 1.0
class BoolNone:
    __bool__ = None

for obj in (BadBool(), NegLen(), HugeLen(), FloatLen(), BoolNone()):
    try:
        print(bool(obj))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for obj in (NegLen(), HugeLen(), FloatLen()):
    try:
        print(len(obj))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)

class IndexLen:
    def __len__(self):
        return True
print(len(IndexLen()), bool(IndexLen()))
try:
    if BadBool():
        pass
except TypeError as e:
    print("in if:", type(e).__name__, e)
