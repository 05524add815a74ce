# __call__ makes instances callable; callable() checks the type.
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *, twice=False):
        return x + self.n * (2 if twice else 1)

add5 = Adder(5)
print(add5(10), add5(10, twice=True), callable(add5), callable(Adder), callable(5))
print(list(map(add5, [1, 2])), sorted([3, 1], key=Adder(0)))

class InstanceCall:
    pass
obj = InstanceCall()
obj.__call__ = lambda: "instance attribute"
print(callable(obj))
try:
    obj()
except TypeError as e:
    print(type(e).__name__, e)

class NotCallableAttr:
    __call__ = 5
try:
    NotCallableAttr()()
except TypeError as e:
    print(type(e).__name__, e)
print(callable(print), callable(lambda: 0), callable(type), callable("str"), callable(str.upper))

class Meta(type):
    def __call__(cls, *args):
        return f"Meta made {cls.__name__}{args}"
class Made(metaclass=Meta):
    pass
print(Made(1, 2), callable(Made))
class Chain:
    def __call__(self):
        return self
c = Chain()
print(c()()() is c)
