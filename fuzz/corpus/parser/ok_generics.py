def first[T](xs: list[T]) -> T:
    return xs[0]
class Box[T: (int, str), *Ts, **P = [int]]:
    pass
def g[T = int](): pass
