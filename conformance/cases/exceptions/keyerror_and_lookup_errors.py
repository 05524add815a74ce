# KeyError shows the repr of its key; IndexError messages for builtin types.
try:
    {}["key"]
except KeyError as e:
    print(str(e), repr(e), e.args)
try:
    {}[("a", 1)]
except KeyError as e:
    print(str(e), repr(e))
print(str(KeyError()), str(KeyError("a", "b")), str(KeyError("")))
print(str(KeyError(1)), str(KeyError(None)))
cases = [lambda: [][0], lambda: ()[5], lambda: "abc"[10], lambda: b""[0],
         lambda: range(3)[3], lambda: [1].pop(5), lambda: [].pop(),
         lambda: {}.popitem(), lambda: set().pop(), lambda: bytearray()[1],
         lambda: [1, 2].index(3), lambda: "abc".index("z"), lambda: (1,).index(2)]
for c in cases:
    try:
        c()
    except (IndexError, KeyError, ValueError) as e:
        print(type(e).__name__, e)
print(issubclass(KeyError, LookupError), issubclass(IndexError, LookupError))
try:
    idx = 1.5
    [1, 2, 3][idx]
except TypeError as e:
    print(type(e).__name__, e)
