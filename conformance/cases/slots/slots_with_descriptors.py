# Slot members are data descriptors on the class.
class Pt:
    __slots__ = ("x", "y")
    def __repr__(self):
        return f"Pt({getattr(self, 'x', '?')}, {getattr(self, 'y', '?')})"

member = Pt.__dict__["x"]
print(type(member).__name__, member.__name__, member.__objclass__.__name__)
p = Pt()
member.__set__(p, 10)
print(p, member.__get__(p, Pt))
print(member.__get__(None, Pt) is member)
member.__delete__(p)
print(p)

class WithProperty:
    __slots__ = ("_v",)
    @property
    def v(self):
        return self._v * 2
    @v.setter
    def v(self, value):
        self._v = value
w = WithProperty()
w.v = 21
print(w.v, w._v)

class WithClassVar:
    __slots__ = ("inst",)
    shared = "class-level"
    def method(self):
        return "method"
wc = WithClassVar()
print(wc.shared, wc.method())
try:
    wc.shared = "no"
except AttributeError as e:
    print(type(e).__name__, e)
print(sorted(k for k in Pt.__dict__ if not k.startswith("__") or k == "__slots__"))
