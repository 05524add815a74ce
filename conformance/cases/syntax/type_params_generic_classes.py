# PEP 695 generic classes: the hidden Generic base, __parameters__, subscription and scopes.
class Box[T]:
    def __init__(self, v: T) -> None:
        self.v = v

    def get(self) -> T:
        return self.v

b = Box(3)
print(b.get(), Box.__type_params__, Box.__parameters__)
print([c.__name__ for c in Box.__mro__], Box.__orig_bases__)
alias = Box[int]
print(alias, alias.__origin__ is Box, alias.__args__, alias.__parameters__)
print(Box.__init__.__annotations__, Box.get.__annotations__)

class Pair[K, V](dict):
    pass

print([c.__name__ for c in Pair.__mro__], Pair.__parameters__, Pair[str, int])
print(Pair(a=1), isinstance(Pair(), dict))

class Sub(Box[int]):
    pass

print(Sub.__parameters__, [c.__name__ for c in Sub.__mro__], Sub(5).get())

class Deriv[U](Box[U]):
    pass

print(Deriv.__parameters__, Deriv[str], Deriv.__type_params__[0] is Deriv.__parameters__[0])
for expr in ("Box[int, str]", "Sub[int]", "Pair[int]"):
    try:
        eval(expr)
    except TypeError as e:
        print(expr, "->", e)

class Outer[T]:
    type Inner = list[T]
    class Nested[S]:
        pass
    def method[S](self, s: S) -> tuple[T, S]:
        return s

print(Outer.Inner.__value__, Outer.method.__type_params__, Outer.method.__annotations__)
print(Outer.Nested.__qualname__, Outer.Nested.__type_params__, Outer.method.__qualname__)
print(list[Box.__type_params__[0]].__parameters__, dict[str, Pair.__type_params__[1]].__parameters__)

def make():
    class Local[T]:
        pass
    return Local

L = make()
print(L.__qualname__, L.__type_params__, L[bytes])
