# A larger C3 example (the classic O/A..F/K hierarchy).
O = object
class F(O): pass
class E(O): pass
class D(O): pass
class C(D, F): pass
class B(D, E): pass
class A(B, C): pass

def names(cls):
    return " ".join(k.__name__ for k in cls.__mro__)

for cls in (A, B, C):
    print(cls.__name__, ":", names(cls))

class K1(A, B, C): pass
print("K1 :", names(K1))

class X: pass
class Y: pass
class Z(X, Y): pass
class W(Z, Y): pass
print("W :", names(W))

class P1: pass
class P2(P1): pass
class P3(P2): pass
class Q(P3, P1): pass
print("Q :", names(Q))
