# Order of metaclass __prepare__, __new__, __init__, __set_name__, __init_subclass__.
log = []
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        log.append(f"prepare {name} {sorted(kw)}")
        return {}
    def __new__(mcls, name, bases, ns, **kw):
        log.append(f"new {name}")
        cls = super().__new__(mcls, name, bases, ns)
        log.append(f"new done {name}")
        return cls
    def __init__(cls, name, bases, ns, **kw):
        log.append(f"init {name} {kw}")
        super().__init__(name, bases, ns)

class Desc:
    def __set_name__(self, owner, name):
        log.append(f"set_name {owner.__name__}.{name}")

class Base(metaclass=Meta):
    def __init_subclass__(cls, **kw):
        log.append(f"init_subclass {cls.__name__} {kw}")

class Sub(Base, tag="t"):
    d = Desc()
    log.append("body")

for line in log:
    print(line)
print(type(Sub).__name__, isinstance(Sub, Meta), type(Meta).__name__)
