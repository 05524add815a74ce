# Overriding the metaclass __call__ controls instance creation.
class Singleton(type):
    _instances = {}
    def __call__(cls, *args, **kwargs):
        if cls not in Singleton._instances:
            print("creating", cls.__name__, args)
            Singleton._instances[cls] = super().__call__(*args, **kwargs)
        return Singleton._instances[cls]

class Config(metaclass=Singleton):
    def __init__(self, value):
        self.value = value

a = Config(1)
b = Config(2)
print(a is b, a.value, b.value)

class Tracing(type):
    def __call__(cls, *args, **kwargs):
        print("call", cls.__name__, args, kwargs)
        obj = cls.__new__(cls)
        print("got", type(obj).__name__)
        obj.__init__(*args, **kwargs)
        return obj

class Thing(metaclass=Tracing):
    def __init__(self, x, y=0):
        print("init", x, y)
        self.x = x

t = Thing(5, y=6)
print(t.x)

class Factory(type):
    def __call__(cls, *args):
        return ("not an instance", args)
class Odd(metaclass=Factory):
    pass
print(Odd(1, 2))
