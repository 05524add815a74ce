# __qualname__ of nested classes and functions.
class Outer:
    class Inner:
        class Deepest:
            def m(self):
                pass
    def method(self):
        class Local:
            pass
        def local_func():
            pass
        return Local, local_func

print(Outer.__qualname__, Outer.Inner.__qualname__, Outer.Inner.Deepest.__qualname__)
print(Outer.Inner.Deepest.m.__qualname__)
L, lf = Outer().method()
print(L.__qualname__, lf.__qualname__, L.__name__, lf.__name__)

def factory():
    class Made:
        def get(self):
            return type(self).__qualname__
    return Made
print(factory().__qualname__, factory()().get())
print((lambda: 0).__qualname__)
print([c.__qualname__ for c in [int, str, type(None)]])
Outer.Inner.__qualname__ = "Renamed"
print(Outer.Inner.__qualname__, Outer.Inner.__name__)
try:
    Outer.__qualname__ = 5
except TypeError as e:
    print(type(e).__name__, e)
