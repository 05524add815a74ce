# raise SystemExit(n) from nested calls; context managers and finally still run.
class Guard:
    def __enter__(self):
        print("guard enter")
    def __exit__(self, et, ev, tb):
        print("guard exit", et.__name__, ev.code)
        return False

def inner():
    with Guard():
        raise SystemExit(4)

def outer():
    try:
        inner()
    finally:
        print("outer finally")

print("begin")
outer()
print("not reached")
