# An exception raised in a metaclass __new__ propagates out of the class statement.
class Validating(type):
    def __new__(mcls, name, bases, ns):
        for key, value in ns.items():
            if key.startswith("__"):
                continue
            if not callable(value):
                raise TypeError(f"{name}.{key} must be callable, got {type(value).__name__}")
        return super().__new__(mcls, name, bases, ns)

class Good(metaclass=Validating):
    def run(self):
        return "ran"

print(Good().run())

class Bad(metaclass=Validating):
    count = 3

print("not reached")
