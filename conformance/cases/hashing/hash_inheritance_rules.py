# __hash__ inheritance: overriding __eq__ in a subclass resets __hash__.
class Base:
    def __hash__(self):
        return 42
class SubEq(Base):
    def __eq__(self, other):
        return False
class SubPlain(Base):
    pass
class SubKeep(Base):
    def __eq__(self, other):
        return False
    __hash__ = Base.__hash__

print(hash(Base()), hash(SubPlain()), hash(SubKeep()))
print(SubEq.__hash__)
try:
    hash(SubEq())
except TypeError as e:
    print(type(e).__name__, e)

class HashableEq:
    def __eq__(self, other):
        return True
    def __hash__(self):
        return 7
class Child(HashableEq):
    pass
print(hash(Child()))

class ListChild(list):
    pass
try:
    hash(ListChild())
except TypeError as e:
    print(type(e).__name__, e)

class HashableList(list):
    def __hash__(self):
        return len(self)
print(hash(HashableList([1, 2, 3])), {HashableList([1]): "ok"})

class IntChild(int):
    pass
print(hash(IntChild(5)), IntChild(5) in {5})
