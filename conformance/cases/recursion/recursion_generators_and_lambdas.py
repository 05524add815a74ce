# Recursion through generators, lambdas and methods.
def nested_gen(n):
    if n > 0:
        yield n
        yield from nested_gen(n - 1)

print(list(nested_gen(5)), sum(nested_gen(400)))

def infinite_gen():
    yield from infinite_gen()
try:
    next(infinite_gen())
except RecursionError as e:
    print(type(e).__name__, e)

fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(20), len(str(fact(500))))

class Tree:
    def __init__(self, depth):
        self.child = Tree(depth - 1) if depth else None
    def height(self):
        return 1 + (self.child.height() if self.child else 0)
print(Tree(300).height())
try:
    Tree(-1)
except RecursionError as e:
    print(type(e).__name__, e)

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3))
