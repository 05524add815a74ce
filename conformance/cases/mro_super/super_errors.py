# Errors from misusing super().
def not_a_method():
    return super()
try:
    not_a_method()
except RuntimeError as e:
    print(type(e).__name__, e)

class A:
    @staticmethod
    def s():
        return super().foo
try:
    A.s()
except RuntimeError as e:
    print(type(e).__name__, e)

try:
    super(1, 2)
except TypeError as e:
    print(type(e).__name__, e)

class B(A):
    def m(self):
        return super().missing()
try:
    B().m()
except AttributeError as e:
    print(type(e).__name__, e)

try:
    super()
except RuntimeError as e:
    print(type(e).__name__, e)

class C:
    def m(self):
        del self
        return super().__repr__
try:
    C().m()
except RuntimeError as e:
    print(type(e).__name__, e)
