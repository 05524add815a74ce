# Python 3.14 evaluates annotations lazily (PEP 649/749).
def f(x: int, *args: str, y: "forward" = 1, **kw: float) -> list[int]:
    pass
print(f.__annotations__)

def g(x: NotYetDefined) -> AlsoNotYet:
    return x
print("g defined without evaluating its annotations")
try:
    g.__annotations__
except NameError as e:
    print(type(e).__name__, e)
NotYetDefined = int
AlsoNotYet = str
print(g.__annotations__)
print(g(5))

class C:
    a: int
    b: "str" = "x"
    c: Later
Later = float
print(C.__annotations__, C.b, hasattr(C, "a"))

def no_annotations():
    pass
print(no_annotations.__annotations__, no_annotations.__annotate__)
print(type(f.__annotate__).__name__, f.__annotate__(1) == f.__annotations__)

counter = []
def side_effect():
    counter.append(1)
    return int
def h(v: side_effect()):
    pass
print(len(counter))
h.__annotations__
h.__annotations__
print(len(counter))
f.__annotations__ = {"replaced": True}
print(f.__annotations__)
