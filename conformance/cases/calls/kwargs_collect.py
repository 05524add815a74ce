# **kwargs collects extra keyword arguments into a fresh dict in call order.
def f(a, **kwargs):
    return a, kwargs

print(f(1))
print(f(1, z=1, y=2, x=3))
print(f(a=1, b=2))
d = {"b": 2, "c": 3}
r = f(1, **d)
print(r, r[1] is d)
r[1]["b"] = 99
print(d)

def g(**kw):
    return list(kw)

print(g(**{"x": 1}, y=2, **{"z": 3}))

try:
    g(**{1: 2})
except TypeError as e:
    print(type(e).__name__, e)

try:
    g(**[1, 2])
except TypeError as e:
    print(type(e).__name__, e)

class Mapping:
    def keys(self):
        return ["k1", "k2"]
    def __getitem__(self, key):
        return key.upper()

print(g(**Mapping()))
print(f(0, **Mapping()))
