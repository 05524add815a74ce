# TypeError for hierarchies C3 cannot linearize, and duplicate bases.
class X: pass
class Y: pass
class A(X, Y): pass
class B(Y, X): pass

try:
    class C(A, B): pass
except TypeError as e:
    print(type(e).__name__, e)

try:
    class D(X, A): pass
except TypeError as e:
    print(type(e).__name__, e)

try:
    class E(X, X): pass
except TypeError as e:
    print(type(e).__name__, e)

try:
    class F(object, X): pass
except TypeError as e:
    print(type(e).__name__, e)

class G(A, X): pass
print([k.__name__ for k in G.__mro__])

try:
    type("H", (B, A), {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    class I(1): pass
except TypeError as e:
    print(type(e).__name__, e)
