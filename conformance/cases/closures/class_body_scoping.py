# Class bodies are not enclosing scopes for functions defined inside them.
x = "global"

class C:
    x = "class"
    y = x  # class-level lookup
    def method(self):
        return x  # sees the global, not the class attribute
    items = [x for _ in range(2)]  # comprehension skips the class scope
    first = [v for v in [x]]  # ...except for the outermost iterable

print(C.y, C().method(), C.items, C.first)

def outer():
    z = "outer-local"
    class D:
        z = "class-local"
        seen = z
        def m(self):
            return z
    return D
D = outer()
print(D.seen, D().m())

def outer2():
    w = "enclosing"
    class E:
        try:
            print("in class body:", w)  # w is assigned below, so it is not free here
        except NameError as e:
            print(type(e).__name__, e)
        w = "rebound"
        print("after rebinding:", w)
    return E.w
print(outer2())

class F:
    a = 1
    try:
        b = [a + i for i in range(3)]
    except NameError as e:
        print(type(e).__name__, e)
    g = lambda self: __class__.__name__
print(F().g())
