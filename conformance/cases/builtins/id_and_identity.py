# id() values are only compared, never printed.
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), type(id(a)).__name__, id(a) > 0 or id(a) <= 0)
print(a is b, a is not c, a == c)
x = None
print(x is None, id(None) == id(None), id(True) == id(1 == 1))
def f():
    pass
print(id(f) == id(f), id(f.__code__) == id(f.__code__))
objs = [object() for _ in range(5)]
print(len({id(o) for o in objs}))
s = "interned_identifier"
t = "interned_identifier"
print(s == t)
class K:
    pass
k = K()
print(id(k) == id(k), id(K) == id(type(k)), hash(k) == hash(k))
try:
    id()
except TypeError as e:
    print(type(e).__name__, e)
