# eval() of expressions with default, global and local namespaces.
x = 10
print(eval("x + 1"), eval("[i * 2 for i in range(3)]"), eval("  1 + 2  "), eval("'s' * 2"))
print(eval("a + b", {"a": 1, "b": 2}), eval("a * b", {"a": 3}, {"b": 4}), eval("x", {"x": "global"}, {"x": "local"}))
g = {}
eval("1", g)
print("__builtins__" in g, sorted(k for k in g if k != "__builtins__"))
print(eval("len('abc')", {"__builtins__": {"len": len}}))
try:
    eval("abs(-1)", {"__builtins__": {}})
except NameError as e:
    print(type(e).__name__, e)
for bad in ("x = 1", "import sys", "1 +", "def f(): pass"):
    try:
        eval(bad)
    except SyntaxError as e:
        print(type(e).__name__, e.msg)
try:
    eval("undefined_variable")
except NameError as e:
    print(type(e).__name__, e)
print(eval(compile("2 ** 10", "<c>", "eval")), eval(b"1 + 1"), eval(" \t 42 \n"))
try:
    eval(42)
except TypeError as e:
    print(type(e).__name__, e)
class Mapping:
    def __getitem__(self, key):
        if key == "magic":
            return 99
        raise KeyError(key)
print(eval("magic + 1", {}, Mapping()))
