# yield from forwards send(), throw() and close() to the subgenerator.
def inner():
    try:
        while True:
            try:
                x = yield "inner ready"
                print("inner got", x)
            except KeyError as e:
                print("inner handled", repr(e))
    finally:
        print("inner finally")

def outer():
    try:
        result = yield from inner()
    finally:
        print("outer finally")

g = outer()
print(next(g))
print(g.send("hello"))
print(g.throw(KeyError("k")))
try:
    g.throw(ValueError("v"))
except ValueError as e:
    print("outer saw", type(e).__name__, e)

g = outer()
next(g)
g.close()
print("closed")

def sub():
    yield 1
    yield 2
def delegating():
    yield from sub()
    yield 3
d = delegating()
print(next(d), d.send(None), next(d))

class NotGen:
    def __iter__(self):
        return iter([1, 2])
def uses_iterable():
    yield from NotGen()
u = uses_iterable()
next(u)
try:
    u.send("x")
except AttributeError as e:
    print(type(e).__name__, e)
