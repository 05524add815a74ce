# __set_name__ is called on class attributes when the class is created.
class Field:
    def __set_name__(self, owner, name):
        print(f"set_name: {owner.__name__}.{name}")
        self.owner = owner.__name__
        self.name = name
    def __repr__(self):
        return f"Field({self.owner}.{self.name})"

class Model:
    first = Field()
    second = Field()
    def method(self):
        pass

print(Model.first, Model.second)

# Assigned after class creation: no call.
f = Field()
Model.third = f
print(hasattr(f, "name"))

# Same object under two names: called twice.
shared = Field()
class Twice:
    a = shared
    b = shared
print(shared)

# __set_name__ via type() as well.
T = type("T", (), {"fld": Field()})
print(T.fld)

class Boom:
    def __set_name__(self, owner, name):
        raise ValueError("bad " + name)
try:
    class Holder:
        attr = Boom()
except ValueError as e:
    print(type(e).__name__, e)
