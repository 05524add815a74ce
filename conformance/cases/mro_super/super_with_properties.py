# super() finds properties, dunders and static methods on parents.
class Base:
    @property
    def name(self):
        return "base-name"
    @staticmethod
    def util(x):
        return x * 2
    def __repr__(self):
        return "Base-repr"
    def __len__(self):
        return 3

class Child(Base):
    @property
    def name(self):
        return "child/" + super().name
    @staticmethod
    def util(x):
        return x + 1
    def double(self, x):
        return super().util(x)
    def __repr__(self):
        return "Child:" + super().__repr__()
    def __len__(self):
        return super().__len__() + 10

c = Child()
print(c.name, c.double(5), Child.util(5), repr(c), len(c))

class ListLike(list):
    def append(self, item):
        super().append(item * 10)
    def __getitem__(self, i):
        return ("got", super().__getitem__(i))
l = ListLike()
l.append(1)
l.append(2)
print(list(l), l[0], len(l))

class DictLike(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
d = DictLike()
d["a"] = 1
print(d)
