# Chained comparisons evaluate each operand once and short-circuit.
def v(x):
    print("eval", x)
    return x

print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(v(1) == v(1) != v(2))
print(1 < 2 > 0, 1 < 2 > 3, 5 > 3 > 1 > 0)
print(1 < 3 in [3], None is not False is not True)
x = 5
print(0 <= x < 10, 0 <= x < 5, x == 5 == 5.0)

class Noisy:
    def __init__(self, n):
        self.n = n
    def __lt__(self, other):
        print(f"lt {self.n} {other.n}")
        return "truthy"
print(Noisy(1) < Noisy(2) < Noisy(3))
print(Noisy(1) < Noisy(2))
