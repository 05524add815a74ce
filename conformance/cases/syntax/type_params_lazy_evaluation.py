# Bounds, constraints, defaults and alias values are evaluated lazily, in their own scopes.
def bounded[T: Later, U: (int, Later), V = list[Later]]():
    pass

t, u, v = bounded.__type_params__
try:
    t.__bound__
except NameError as e:
    print(type(e).__name__, e)

class Later:
    pass

print(t.__bound__, u.__constraints__, v.__default__, t.__default__)
print(t.has_default(), v.has_default(), t.evaluate_bound.__name__, u.evaluate_default)
print(repr(t), t.__covariant__, t.__contravariant__, t.__infer_variance__)

def variadic[*Ts = *tuple[int, str], **P = [int, str]]():
    pass

ts, p = variadic.__type_params__
print(repr(ts), repr(p), ts.__default__, p.__default__, type(ts).__name__, type(p).__name__)

class Scope:
    X = int
    type A = X
    type B[Q = X] = dict[Q, X]
    def m[T: X](self) -> X:
        pass

print(Scope.A.__value__, Scope.B.__type_params__[0].__default__, Scope.B.__value__)
print(Scope.m.__type_params__[0].__bound__, Scope.m.__annotations__, Scope.A.__module__)

def closure():
    y = 42
    type Y = list[y]
    def inner[T](a: T = y) -> T:
        return a
    return Y, inner

Y, inner = closure()
print(Y.__value__, inner(), inner.__qualname__, inner.__annotate__.__qualname__)

type Recursive[T] = list[Recursive[T]] | T
print(Recursive, Recursive.__name__, Recursive[int], Recursive.__type_params__)
print(Recursive.__value__, int | t, t | None, (t | int).__args__, Y | None, list[int] | p, p | int)
try:
    type Plain = int
    Plain[int]
except TypeError as e:
    print(type(e).__name__, e)
for src in ("type X = (yield)", "def f[T: (yield)](): pass", "type X[T: (x := 1)] = T",
            "def f[__classdict__](): pass", "class C[T, *T]: pass",
            "type X[T = int, *U] = T", "def f[T](x=(y := 1)): pass"):
    try:
        compile(src, "<tp>", "exec")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), "->", e.msg, e.offset)
