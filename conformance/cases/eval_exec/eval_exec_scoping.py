# Scoping inside eval/exec: comprehensions, closures, and class bodies in custom namespaces.
g = {"factor": 3}
l = {"values": [1, 2, 3]}
print(eval("[v * factor for v in values]", g, l))
exec("result = [v * factor for v in values]", g, l)
print(l["result"])
exec("def make():\n    return factor * 2\nout = make()", g, l)
print(l["out"], "make" in l, "make" in g)
src = """
def outer():
    n = 5
    def inner():
        return n * 2
    return inner()
answer = outer()
"""
ns = {}
exec(src, ns)
print(ns["answer"])
exec("class K:\n    x = 1\n    y = [x for _ in range(1)] if False else 2", ns)
print(ns["K"].y)
code = "import math\nroot = math.sqrt(number)"
scope = {"number": 81}
exec(code, scope)
print(scope["root"], "math" in scope)
print(eval("(lambda q: q + offset)(1)", {"offset": 10}))
nested = {}
exec("exec('inner_value = 42')", nested)
print(nested["inner_value"])
print(eval("eval('1 + 1')"), eval("__name__"), eval("__name__", {}))
