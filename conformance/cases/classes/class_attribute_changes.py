# Class attributes changed after they were looked up: every later lookup sees the change, also
# through subclasses, instances, and methods replaced while a loop is running.

class Base:
    def who(self):
        return "base"

    kind = "plain"


class Child(Base):
    pass


c = Child()
seen = []
for i in range(6):
    seen.append(c.who())
    if i == 1:
        Base.who = lambda self: "patched base"
    if i == 3:
        Child.who = lambda self: "child's own"
print(seen)

print(Child.kind, c.kind)
Base.kind = "changed"
print(Child.kind, c.kind)
del Base.kind
try:
    print(c.kind)
except AttributeError as e:
    print("AttributeError", e)
Child.kind = "child"
print(c.kind)
del Child.who
print(c.who())


def make(n):
    class Fresh:
        value = n

        def get(self):
            return self.value

    return Fresh()


print([make(i).get() for i in range(5)])
