# __init_subclass__ runs for each subclass, receiving class keyword arguments.
registry = []

class Plugin:
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        registry.append(cls.plugin_name)

class Alpha(Plugin):
    pass

class Beta(Plugin, name="b-plugin"):
    pass

class Gamma(Beta):
    pass

print(registry)
print(Alpha.plugin_name, Beta.plugin_name, Gamma.plugin_name)
print(Plugin.__dict__.get("plugin_name"))
print(type(Plugin.__dict__["__init_subclass__"]).__name__)

try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)

try:
    class Plain(object, flag=True):
        pass
except TypeError as e:
    print(type(e).__name__, e)

class Base:
    def __init_subclass__(cls):
        print("init_subclass", cls.__name__, cls.__mro__[1].__name__)
class Child(Base): pass
class GrandChild(Child): pass
