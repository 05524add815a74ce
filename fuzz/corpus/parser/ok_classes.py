class A: pass
class B(A, metaclass=M, **kw):
    x = 1
    def method(self):
        return self.x
class C(*bases): ...
