# str() falls back to __repr__; repr() never uses __str__.
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"

class OnlyStr:
    def __str__(self):
        return "just str"

class Both:
    def __repr__(self):
        return "Both-repr"
    def __str__(self):
        return "Both-str"

r, s, b = OnlyRepr(), OnlyStr(), Both()
print(r, str(r), repr(r))
print(s, str(s))
print(repr(s).startswith("<__main__.OnlyStr object at "))
print(b, repr(b), [b], (b,), {"k": b})
print(f"{b} {b!r} {b!s}", "%s %r" % (b, b))

class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)

class BadStr:
    def __str__(self):
        return None
try:
    str(BadStr())
except TypeError as e:
    print(type(e).__name__, e)

class StrSub(str):
    pass
class ReturnsSub:
    def __str__(self):
        return StrSub("sub")
print(type(str(ReturnsSub())).__name__, str(ReturnsSub()))
print(repr(OnlyRepr), repr(int), repr(None), repr(Ellipsis), repr(NotImplemented))
