# Error messages for methods name the qualified function.
class C:
    def m(self, x):
        return x
    @classmethod
    def cm(cls, x):
        return x
    @staticmethod
    def sm(x):
        return x
    class Inner:
        def im(self, a, b):
            return a + b

c = C()
cases = [
    lambda: c.m(),
    lambda: c.m(1, 2),
    lambda: C.m(1),
    lambda: C.cm(),
    lambda: c.sm(),
    lambda: C.Inner().im(1),
    lambda: c.m(y=1),
    lambda: C.m(),
]
for case in cases:
    try:
        case()
    except TypeError as e:
        print(e)
print(c.m(5), C.cm(6), C.sm(7), C.Inner().im(1, 2))
