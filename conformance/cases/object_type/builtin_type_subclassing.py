# Subclassing builtin types: results of operations and overridden methods.
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
class MyInt(int):
    def __add__(self, other):
        return MyInt(int(self) + int(other) + 1000)
class MyList(list):
    def first(self):
        return self[0]
class MyDict(dict):
    def __getitem__(self, key):
        return super().__getitem__(key) * 2

s = MyStr("hi")
print(s.shout(), type(s + "x").__name__, type(s[0]).__name__, type(s * 2).__name__, s == "hi")
i = MyInt(5)
print(i + 1, type(i + 1).__name__, 1 + i, type(1 + i).__name__, type(i * 2).__name__, i == 5)
l = MyList([3, 1, 2])
print(l.first(), type(l + [1]).__name__, type(l[:]).__name__, sorted(l), isinstance(l, list))
d = MyDict(a=1)
print(d["a"], d.get("a"), dict(d), list(d.values()), {**d})
class Attr(tuple):
    pass
a = Attr((1, 2))
a.extra = "tuple subclass instances have a __dict__"
print(a, a.extra, type(a[:1]).__name__)
class F(float):
    def __repr__(self):
        return f"F({float(self)})"
print(F(1.5), F(1.5) + 1, str(F(2.0)), f"{F(2.5)}", [F(3.0)])
class B(bytes):
    pass
print(B(b"xy"), type(B(b"xy").upper()).__name__, B(b"xy") == b"xy")
