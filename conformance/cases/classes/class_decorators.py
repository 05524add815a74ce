# Class decorators receive the class and may return anything.
def register(cls):
    cls.registered = True
    print("decorating", cls.__name__)
    return cls

def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls

def replace(cls):
    return "replaced " + cls.__name__

@register
@add_repr
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

print(Point(1, "two"), Point.registered)

@replace
class Gone:
    pass
print(Gone)

order = []
def tag(name):
    order.append("eval " + name)
    def deco(cls):
        order.append("apply " + name)
        return cls
    return deco

@tag("outer")
@tag("inner")
class Tagged:
    pass
print(order)
