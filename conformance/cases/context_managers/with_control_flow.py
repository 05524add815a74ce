# __exit__ runs on return, break and continue leaving a with block.
class CM:
    def __init__(self, tag):
        self.tag = tag
    def __enter__(self):
        print("enter", self.tag)
    def __exit__(self, *exc):
        print("exit", self.tag, exc[0])

def f():
    with CM("return"):
        return "returned value"
print(f())

for i in range(3):
    with CM(f"loop {i}"):
        if i == 0:
            continue
        if i == 1:
            break
print("after loop", i)

def g():
    with CM("outer"):
        try:
            with CM("inner"):
                raise KeyError("x")
        except KeyError:
            return "handled"
print(g())

class SwallowInReturn:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("exit sees", exc[0])
        return True
def h():
    with SwallowInReturn():
        raise ValueError
    return "after with"
print(h())
