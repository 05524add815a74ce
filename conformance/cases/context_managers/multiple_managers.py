# Multiple context managers enter left to right and exit right to left.
class CM:
    def __init__(self, name, fail_enter=False, suppress=False):
        self.name, self.fail_enter, self.suppress = name, fail_enter, suppress
    def __enter__(self):
        print("enter", self.name)
        if self.fail_enter:
            raise RuntimeError("enter failed: " + self.name)
        return self.name
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        return self.suppress

with CM("a") as a, CM("b") as b:
    print("body", a, b)

with (
    CM("p") as p,
    CM("q") as q,
):
    print("parenthesized", p, q)

try:
    with CM("x"), CM("y", fail_enter=True), CM("z"):
        print("not reached")
except RuntimeError as e:
    print("caught", e)

with CM("outer", suppress=True), CM("inner"):
    raise ValueError("boom")
print("outer suppressed it")

with CM("1"):
    with CM("2"):
        print("nested")
