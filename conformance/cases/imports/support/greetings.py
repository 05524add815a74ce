# Helper module: a function, a constant and a module-level side effect.
print("greetings module executing as", __name__)
GREETING = "hello"

def hello(name):
    return f"{GREETING}, {name}"

_private = "underscore names are skipped by import *"
