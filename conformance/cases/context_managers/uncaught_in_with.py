# An exception propagating out of a with block after __exit__ ran.
class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("open", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("close", self.name, "because of", exc_type.__name__ if exc_type else None)
        return False

def process(items):
    with Resource("db") as res:
        for item in items:
            print("processing", item)
            if item < 0:
                raise ValueError(f"negative item: {item}")

process([1, 2])
process([3, -4, 5])
