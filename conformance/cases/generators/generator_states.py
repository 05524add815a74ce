# gi_running, gi_suspended, gi_yieldfrom and 'already executing'.
def gen():
    print("running:", g.gi_running)
    yield 1
    yield 2

g = gen()
print(g.gi_running, g.gi_suspended, g.gi_frame is not None)
next(g)
print(g.gi_running, g.gi_suspended)
list(g)
print(g.gi_running, g.gi_suspended, g.gi_frame)

def reentrant():
    yield next(r)
r = reentrant()
try:
    next(r)
except ValueError as e:
    print(type(e).__name__, e)

def inner():
    yield "a"
def outer():
    yield from inner()
o = outer()
print(o.gi_yieldfrom)
next(o)
print(type(o.gi_yieldfrom).__name__, o.gi_yieldfrom.__name__)
print(o.gi_code.co_name, type(o.gi_code).__name__)
