# exec() runs statements in the given globals/locals dicts and returns None.
ns = {}
result = exec("a = 1\nb = a + 1\ndef f():\n    return a + b", ns)
print(result, ns["a"], ns["b"], ns["f"](), "__builtins__" in ns)
g = {"shared": "global"}
l = {}
exec("x = shared.upper()\ny = len(x)", g, l)
print(sorted(l.items()), "x" in g)
exec("def fn():\n    return shared\nz = fn()", g, l)
print(l["z"], "fn" in l, "fn" in g)
code = compile("total = sum(values)", "<sum>", "exec")
scope = {"values": [1, 2, 3]}
exec(code, scope)
print(scope["total"])
exec("global_from_exec = 'created'")
print(global_from_exec)
def run_in_function():
    local_var = 5
    exec("local_var = 100\nnew_name = 1")
    return local_var, "new_name" in locals()
print(run_in_function())
try:
    exec("raise ValueError('inside exec')")
except ValueError as e:
    print(type(e).__name__, e)
try:
    exec("1 +")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.filename)
try:
    exec("x", [])
except TypeError as e:
    print(type(e).__name__, e)
exec("class K:\n    v = 7", ns)
print(ns["K"].v, ns["K"].__module__ if "__name__" in ns else ns["K"].__module__)
