# Truth testing uses __bool__, then __len__, else True.
class WithBool:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("__bool__ called")
        return self.v
class WithLen:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        print("__len__ called")
        return self.n
class Both:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
class Neither:
    pass

print(bool(WithBool(False)), bool(WithBool(True)))
print(bool(WithLen(0)), bool(WithLen(3)))
print(bool(Both()), len(Both()))
print(bool(Neither()))
if WithLen(2):
    print("if uses __len__")
print(not WithBool(True))
print(WithLen(0) or "fallback")
print([x for x in (WithBool(False), WithBool(True)) if x].__len__())
while WithBool(False):
    print("never")
print("done")
