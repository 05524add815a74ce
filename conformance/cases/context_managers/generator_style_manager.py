# A hand-written contextmanager-style wrapper around a generator (no contextlib).
class GeneratorCM:
    def __init__(self, gen):
        self.gen = gen
    def __enter__(self):
        return next(self.gen)
    def __exit__(self, et, ev, tb):
        if et is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            self.gen.throw(ev)
        except StopIteration:
            return True
        except BaseException as e:
            if e is ev:
                return False
            raise
        raise RuntimeError("generator didn't stop after throw")

def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    except KeyError as e:
        print("handled", repr(e))
    finally:
        print(f"</{name}>")

with GeneratorCM(tag("b")) as t:
    print("inside", t)
with GeneratorCM(tag("i")):
    raise KeyError("swallowed")
try:
    with GeneratorCM(tag("p")):
        raise ValueError("escapes")
except ValueError as e:
    print("escaped:", e)
