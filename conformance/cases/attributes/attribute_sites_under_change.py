# Attribute loads and stores repeated in loops while the instance or its class changes under
# them: instance values that move, methods shadowed by instance attributes, class swaps.

class P:
    def __init__(self):
        self.a = 1
        self.b = 2

    def m(self):
        return "method"


p = P()
out = []
for i in range(8):
    out.append((p.a, p.b, p.m()))
    if i == 1:
        del p.a          # the remembered position of 'a' goes stale
        p.a = 10         # and 'a' comes back at another position
    if i == 3:
        p.m = lambda: "instance attribute"   # shadows the method
    if i == 5:
        del p.m          # the method is visible again
print(out)

# Stores: the same store site on instances with different layouts.
class Q:
    pass

objs = [Q() for _ in range(4)]
objs[0].x, objs[0].y = 0, 0
objs[1].y, objs[1].x = 0, 0
objs[2].x = 0
for step in range(3):
    for o in objs:
        o.x = step
        o.y = step * 10
print([(o.x, o.y) for o in objs])

# A data descriptor appearing on the class takes over from the instance dict.
class R:
    pass

r = R()
r.v = "dict"
seen = []
for i in range(4):
    seen.append(r.v)
    if i == 1:
        R.v = property(lambda self: "property")
print(seen)

# Changing the class of an instance.
class A:
    def who(self):
        return "A"

class B:
    def who(self):
        return "B"

x = A()
names = []
for i in range(4):
    names.append(x.who())
    if i == 1:
        x.__class__ = B
print(names)

# __getattr__ only runs for missing attributes; __setattr__ overrides take over stores.
class G:
    def __getattr__(self, name):
        return "missing " + name

g = G()
g.here = "present"
print([g.here for _ in range(3)], g.absent)

class S:
    log = []

    def __setattr__(self, name, value):
        S.log.append(name)
        object.__setattr__(self, name, value)

s = S()
for i in range(3):
    s.val = i
print(s.val, S.log)
