# Traceback through a class body and a function called during class creation.
def compute_default():
    options = {"a": 1}
    return options["b"]

print("before class")

class Settings:
    name = "settings"
    print("defining", name)
    default = compute_default()
    print("not reached")
