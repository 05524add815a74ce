# __new__ creates, __init__ initialises; __init__ is skipped if __new__ returns another type.
class Tracked:
    def __new__(cls, *args, **kwargs):
        print("__new__", cls.__name__, args, kwargs)
        return super().__new__(cls)
    def __init__(self, value, label="x"):
        print("__init__", value, label)
        self.value = value
t = Tracked(5, label="y")
print(t.value)

class ReturnsOther:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never called")
print(ReturnsOther())

class ReturnsSubclassInstance:
    def __new__(cls):
        return object.__new__(Child)
    def __init__(self):
        print("__init__ runs for", type(self).__name__)
class Child(ReturnsSubclassInstance):
    pass
print(type(ReturnsSubclassInstance()).__name__)

class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    print(type(e).__name__, e)
class OnlyInit:
    def __init__(self, a):
        self.a = a
print(OnlyInit(3).a)
try:
    object.__new__(int)
except TypeError as e:
    print(type(e).__name__, e)
class InitReturns:
    def __init__(self):
        return 5
try:
    InitReturns()
except TypeError as e:
    print(type(e).__name__, e)
print(type(int.__new__(int, "12")).__name__, int.__new__(bool, 0) if False else "skip")
