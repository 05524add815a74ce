# PEP 695 type parameters on functions and type aliases (generic classes need typing.py: not here).
import sys
type Pair = tuple[int, int]
print(Pair, type(Pair).__name__, Pair.__name__, Pair.__value__)
type Lazy = UndefinedYet
print(Lazy.__name__)
try:
    Lazy.__value__
except NameError as e:
    print(type(e).__name__, e)
UndefinedYet = str
print(Lazy.__value__)

def first[T](items: list[T]) -> T:
    return items[0]
print(first([3, 4]), first.__type_params__, type(first.__type_params__[0]).__name__)
(T,) = first.__type_params__
print(T.__name__, repr(T), first.__annotations__)

def many[N: (int, float), *Ts, **P, M: str = "default"]():
    pass
n, ts, p, m = many.__type_params__
print([type(x).__name__ for x in many.__type_params__], [x.__name__ for x in many.__type_params__])
print(n.__constraints__, m.__bound__, m.__default__, n.__bound__)
type Alias[K] = dict[K, list[K]]
print(Alias.__type_params__, Alias[str], type(Alias[str]).__name__)
print("typing" in sys.modules)
for src in ("def f[T, T](): pass", "def f[T = int, U](): pass", "type X[T] = T; type = 5"):
    try:
        compile(src, "<tp>", "exec")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), "->", e.msg)
