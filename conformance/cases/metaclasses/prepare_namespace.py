# __prepare__ supplies the namespace the class body executes in.
class LoggingDict(dict):
    def __setitem__(self, key, value):
        if not key.startswith("__"):
            print("  set", key)
        super().__setitem__(key, value)

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kwargs):
        print("prepare", name, [b.__name__ for b in bases], kwargs)
        ns = LoggingDict()
        ns["injected"] = "from prepare"
        return ns
    def __new__(mcls, name, bases, ns, **kwargs):
        print("new", name, type(ns).__name__)
        return super().__new__(mcls, name, bases, dict(ns))

class Example(metaclass=Meta, option=1):
    a = 1
    def f(self):
        return injected
    b = a + 1

print(Example.injected, Example.b, Example().f() if False else "skipped")
print(type(Example.__dict__).__name__)

class NoDup(dict):
    def __setitem__(self, key, value):
        if key in self and not key.startswith("__"):
            raise TypeError(f"duplicate definition of {key!r}")
        super().__setitem__(key, value)

class Strict(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return NoDup()

try:
    class Dup(metaclass=Strict):
        x = 1
        x = 2
except TypeError as e:
    print(type(e).__name__, e)
