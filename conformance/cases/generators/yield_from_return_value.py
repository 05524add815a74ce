# yield from delegates to a subgenerator and evaluates to its return value.
def inner(n):
    for i in range(n):
        yield i
    return f"inner({n}) done"

def outer():
    r1 = yield from inner(2)
    print("got", r1)
    r2 = yield from inner(1)
    print("got", r2)
    r3 = yield from [10, 20]
    print("list gives", r3)
    return "outer done"

g = outer()
print(list(g))
g = outer()
while True:
    try:
        print("value", next(g))
    except StopIteration as e:
        print("return", e.value)
        break

def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain("ab", range(2), (x * x for x in [3]))))

def tree(node):
    value, children = node
    yield value
    for child in children:
        yield from tree(child)
print(list(tree((1, [(2, [(4, [])]), (3, [])]))))
