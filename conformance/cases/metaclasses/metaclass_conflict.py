# Metaclass selection: the most derived metaclass wins; unrelated ones conflict.
class M1(type): pass
class M2(type): pass
class M3(M1): pass

class A(metaclass=M1): pass
class B(metaclass=M2): pass
class C(metaclass=M3): pass

class D(A, C): pass
print(type(D).__name__)
class E(C, A): pass
print(type(E).__name__)
class F(A, metaclass=type): pass
print(type(F).__name__)

try:
    class G(A, B): pass
except TypeError as e:
    print(type(e).__name__, e)

try:
    class H(metaclass=M2, *[A]): pass
except TypeError as e:
    print(type(e).__name__, e)

def func_meta(name, bases, ns):
    print("func_meta called for", name)
    return 42
class I(metaclass=func_meta):
    x = 1
print(I)
