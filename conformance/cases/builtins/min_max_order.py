# min() and max() compare while they iterate: the order of iteration, key calls and comparisons.
def g():
    for x in (3, 1, 2):
        print("yield", x)
        yield x
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o): print("lt", self.v, o.v); return self.v < o.v
    def __gt__(self, o): print("gt", self.v, o.v); return self.v > o.v
print(min(g()), max(g()))
print(min(K(3), K(1), K(2)).v, max([K(1), K(5)]).v)
print(min([], default="d"), max((), default=None), min("bca"), max([1, 2], key=lambda x: -x), min(3, 1, key=abs))
for bad in (lambda: min([]), lambda: max(), lambda: min(1, 2, default=3), lambda: min(5), lambda: max([1, "a"]), lambda: min([1,2], key=5), lambda: min([1], foo=1)):
    try: print(bad())
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
print(max(range(10**6)), min(x % 7 for x in range(100)))
