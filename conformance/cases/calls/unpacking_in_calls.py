# Mixed * and ** unpacking in calls (PEP 448).
def show(*args, **kwargs):
    print(args, sorted(kwargs.items()))

show(*[1, 2], 3, *(4,), x=1, **{"y": 2}, z=3)
show(*[], **{})
show(*"ab", *b"cd")
show(**{"a": 1}, **{"b": 2})

a = [1, 2]
b = {"c": 3}
show(0, *a, *a, **b)

def pos(a, b, c):
    return a * 100 + b * 10 + c

print(pos(*[1, 2, 3]))
print(pos(1, *[2, 3]))
print(pos(*[1], **{"c": 3, "b": 2}))
print(pos(c=3, *[1, 2]))

try:
    pos(*[1, 2, 3, 4])
except TypeError as e:
    print(type(e).__name__, e)

try:
    pos(*[1, 2], **{"b": 5})
except TypeError as e:
    print(type(e).__name__, e)

# Iterables with side effects are consumed in left-to-right order.
log = []
def it(tag, n):
    for i in range(n):
        log.append(tag)
        yield i
show(*it("a", 2), *it("b", 1))
print(log)
