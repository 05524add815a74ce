# StopIteration.value, SystemExit.code and other special attributes.
e = StopIteration()
print(e.value, e.args)
e = StopIteration(5)
print(e.value, e.args)
e = StopIteration(1, 2)
print(e.value, e.args)

def g():
    yield 1
    return "result"
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print(e.value, e.args, repr(e))

for args in ((), (0,), (3,), ("msg",), (1, 2)):
    s = SystemExit(*args)
    print(repr(s), s.code)

k = KeyboardInterrupt("ki")
print(k.args, isinstance(k, Exception))
n = NameError("name 'x' is not defined", name="x")
print(n.name, str(n))
a = AttributeError("msg", name="attr", obj=None)
print(a.name, a.obj)
i = ImportError("cannot import", name="mod", path="/p")
print(i.name, i.path, i.msg, str(i))
u = UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 1, "invalid start byte")
print(u.encoding, u.object, u.start, u.end, u.reason)
print(str(u))
