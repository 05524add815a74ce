# Unhashable builtin types and the errors they produce in dicts and sets.
for v in ([], {}, set(), bytearray(), [1, 2]):
    try:
        hash(v)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    {[1]: 2}
except TypeError as e:
    print(type(e).__name__, e)
try:
    d = {}
    d[{}] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    s = set()
    s.add(set())
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1] in {1: 2}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {1, 2} in {frozenset({1, 2})}
    print("set is converted to frozenset for lookup:", {1, 2} in {frozenset({1, 2})})
except TypeError as e:
    print(type(e).__name__, e)
print(hash("") == 0, hash(b"") == 0, hash(None) == hash(None))
print(type(hash("abc")).__name__, hash("abc") == hash("abc"), hash(b"abc") == hash("abc"))
print(list.__hash__, dict.__hash__, type(object.__hash__).__name__)
