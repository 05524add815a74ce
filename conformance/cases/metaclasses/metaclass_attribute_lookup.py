# Attributes and methods of the metaclass are visible on the class, not on instances.
class Meta(type):
    meta_attr = "from meta"
    def meta_method(cls):
        return "meta_method on " + cls.__name__
    @property
    def computed(cls):
        return cls.__name__.upper()
    def __repr__(cls):
        return f"<class {cls.__name__} via Meta>"
    def __len__(cls):
        return 7
    def __getitem__(cls, item):
        return f"{cls.__name__}[{item}]"

class C(metaclass=Meta):
    own = "own"

print(C.meta_attr, C.meta_method(), C.computed, repr(C), len(C), C[int])
print(C().own)
try:
    C().meta_attr
except AttributeError as e:
    print(type(e).__name__, e)
print(hasattr(C, "meta_method"), hasattr(C(), "meta_method"))
print("meta_attr" in dir(C), "meta_attr" in C.__dict__)

class D(C):
    meta_attr = "shadowed in class"
print(D.meta_attr, D.computed, D)
