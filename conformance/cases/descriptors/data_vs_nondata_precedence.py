# Data descriptors beat the instance dict; non-data descriptors lose to it.
class Data:
    def __get__(self, obj, objtype=None):
        return "data descriptor"
    def __set__(self, obj, value):
        print("Data.__set__", value)

class NonData:
    def __get__(self, obj, objtype=None):
        return "non-data descriptor"

class C:
    d = Data()
    n = NonData()

c = C()
print(c.d, c.n)
c.__dict__["d"] = "instance d"
c.__dict__["n"] = "instance n"
print(c.d, c.n)
c.d = "assigned"
print(c.__dict__["d"])
c.n = "assigned n"
print(c.n)

class OnlyDelete:
    def __get__(self, obj, objtype=None):
        return "od get"
    def __delete__(self, obj):
        print("OnlyDelete.__delete__")
class E:
    od = OnlyDelete()
e = E()
e.__dict__["od"] = "instance"
print(e.od)
try:
    e.od = 5
except AttributeError as ex:
    print(type(ex).__name__, ex)
del e.od
