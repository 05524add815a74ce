# Private name mangling inside class bodies.
class Account:
    __rate = 0.5
    def __init__(self):
        self.__balance = 100
    def get(self):
        return self.__balance
    def __private(self):
        return "private"
    def call(self):
        return self.__private()

a = Account()
print(a.get(), a.call())
print(sorted(vars(a)))
print(a._Account__balance, Account._Account__rate)
try:
    a.__balance
except AttributeError as e:
    print(type(e).__name__, e)

class Sub(Account):
    def __init__(self):
        super().__init__()
        self.__balance = 5
print(sorted(vars(Sub())))
print(Sub().get())

class _Leading:
    def __m(self):
        return "mangled"
print([k for k in _Leading.__dict__ if "m" in k and not k.startswith("__")])

class Dunder:
    def __init__(self):
        self.__both__ = 1
print(sorted(vars(Dunder())))

class Mangle:
    def names(self):
        __local = 1
        return [n for n in locals()]
print(Mangle().names())
