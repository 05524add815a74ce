# The with statement calls __enter__, binds its result, and always calls __exit__.
class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return f"resource-{self.name}"
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type, exc, tb)
        return None

with CM("a") as r:
    print("body with", r)
with CM("b"):
    print("body without target")
with CM("c") as (first, *rest):
    print(first, rest[:3])

class Obj:
    pass
o = Obj()
d = {}
with CM("d") as o.attr, CM("e") as d["key"]:
    print(o.attr, d)
print("done")
