# Defining __eq__ without __hash__ makes instances unhashable.
class WithEq:
    def __eq__(self, other):
        return True

print(WithEq.__hash__)
try:
    hash(WithEq())
except TypeError as e:
    print(type(e).__name__, e)
try:
    {WithEq(): 1}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {WithEq()}
except TypeError as e:
    print(type(e).__name__, e)

class WithBoth:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, WithBoth) and self.v == other.v
    def __hash__(self):
        return hash(self.v)
s = {WithBoth(1), WithBoth(1), WithBoth(2)}
print(len(s), WithBoth(2) in s, hash(WithBoth(5)) == hash(5))

class Plain:
    pass
print(hash(Plain()) == hash(Plain()) or "distinct objects usually differ", Plain.__hash__ is object.__hash__)
p = Plain()
print(hash(p) == hash(p), {p: 1}[p])

class ExplicitNone:
    __hash__ = None
try:
    hash(ExplicitNone())
except TypeError as e:
    print(type(e).__name__, e)
