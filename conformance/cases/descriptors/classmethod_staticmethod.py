# classmethod and staticmethod descriptors.
class C:
    count = 0
    @classmethod
    def make(cls, n):
        return f"{cls.__name__}({n})"
    @staticmethod
    def add(a, b):
        return a + b

class D(C):
    pass

print(C.make(1), D.make(2), D().make(3))
print(C.add(1, 2), C().add(3, 4))
raw_cm = C.__dict__["make"]
raw_sm = C.__dict__["add"]
print(type(raw_cm).__name__, type(raw_sm).__name__)
print(raw_cm.__func__.__name__, raw_sm.__func__.__name__)
print(raw_sm(5, 6))
print(raw_cm.__get__(None, D)(9))
bound = D.make
print(type(bound).__name__, bound.__self__ is D)
print(type(C.add).__name__, type(C().add).__name__)
print(C.add.__name__, C.make.__name__, C.make.__qualname__)

sm = staticmethod(len)
cm = classmethod(lambda cls: cls.__name__)
class E:
    length = sm
    name = cm
print(E.length("abcd"), E().name())
print(callable(raw_sm), callable(raw_cm))
