# Exception args and their str()/repr() for different argument counts.
for e in (Exception(), Exception("msg"), Exception("a", 2), Exception(None),
          ValueError(42), TypeError(""), RuntimeError(("t",)), Exception([1])):
    print(repr(e), "|", str(e), "|", e.args)

e = Exception("x")
e.args = ("changed", "again")
print(str(e), repr(e))
e.args = ["list", "args"]
print(type(e.args).__name__, e)

class MyError(Exception):
    pass
print(repr(MyError("boom")), str(MyError()), repr(MyError()))

class WithInit(Exception):
    def __init__(self, code, text):
        super().__init__(f"{code}: {text}")
        self.code = code
w = WithInit(404, "not found")
print(repr(w), str(w), w.args, w.code)

class NoSuper(Exception):
    def __init__(self, a, b):
        self.a = a
n = NoSuper(1, 2)
print(repr(n), str(n), n.args)
print(repr(BaseException("base")), repr(KeyboardInterrupt()))
print(str(ValueError("a\nb")), repr(ValueError("a\nb")))
