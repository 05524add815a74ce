# del on names, attributes, subscripts, slices and targets lists.
a = 1
del a
try:
    a
except NameError as e:
    print(type(e).__name__, e)
lst = list(range(10))
del lst[0], lst[-1]
print(lst)
del lst[::2]
print(lst)
del lst[1:3]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["a"]
print(d)
class O:
    pass
o = O()
o.x, o.y = 1, 2
del o.x
print(vars(o))
p, q = 1, 2
del (p, q)
print("p" in dir(), "q" in dir())
m = [[1, 2], [3, 4]]
del m[0][1], m[1]
print(m)
try:
    del d["zz"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    del o.missing
except AttributeError as e:
    print(type(e).__name__, e)
def f():
    local = 1
    del local
    return "local" in locals()
print(f())
for src in ("del f()", "del 1", "del (a + b)"):
    try:
        compile(src, "<del>", "exec")
    except SyntaxError as e:
        print(repr(src), "->", e.msg)
