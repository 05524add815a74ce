# globals() and locals() in modules, functions and classes.
module_var = 1
print(globals() is locals(), "module_var" in globals(), globals()["__name__"])
globals()["injected"] = "via globals()"
print(injected)
def f(a, b=2):
    c = a + b
    snapshot = locals()
    snapshot["c"] = 100
    return c, sorted(snapshot)
print(f(1))
def g():
    x = 1
    l1 = locals()
    x = 2
    l2 = locals()
    return l1["x"], l2["x"], l1 is l2
print(g())
def h():
    v = "outer"
    def inner():
        return sorted(locals())
    def inner_uses():
        return v, sorted(locals())
    return inner(), inner_uses()
print(h())
class C:
    a = 1
    names = sorted(k for k in locals() if not k.startswith("__"))
print(C.names)
def uses_global():
    return "module_var" in globals(), globals() is uses_global.__globals__
print(uses_global())
print(sorted(k for k in globals() if k.startswith("__") and k not in ("__builtins__", "__file__", "__cached__", "__annotations__")))
