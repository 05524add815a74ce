# Cooperative multiple inheritance through super() follows the instance's MRO.
calls = []
class Root:
    def __init__(self, **kw):
        calls.append("Root")
        super().__init__(**kw)
    def hello(self):
        return ["Root"]
class Left(Root):
    def __init__(self, left=None, **kw):
        calls.append(f"Left({left})")
        super().__init__(**kw)
    def hello(self):
        return ["Left"] + super().hello()
class Right(Root):
    def __init__(self, right=None, **kw):
        calls.append(f"Right({right})")
        super().__init__(**kw)
    def hello(self):
        return ["Right"] + super().hello()
class Both(Left, Right):
    def __init__(self, **kw):
        calls.append("Both")
        super().__init__(**kw)
    def hello(self):
        return ["Both"] + super().hello()

b = Both(left=1, right=2)
print(calls)
print(b.hello())
print(Left().hello())
calls.clear()
try:
    Both(left=1, extra=3)
except TypeError as e:
    print(calls, type(e).__name__, e)
