# Closures capture variables, not values.
funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([f() for f in funcs])

funcs = []
for i in range(3):
    funcs.append(lambda i=i: i)
print([f() for f in funcs])

def make(n):
    return lambda: n
funcs = [make(i) for i in range(3)]
print([f() for f in funcs])

funcs = [lambda: j for j in range(3)]
print([f() for f in funcs])

def outer():
    x = 1
    f = lambda: x
    x = 2
    return f
print(outer()())

def shared():
    fs = []
    v = 0
    for _ in range(3):
        v += 1
        fs.append(lambda: v)
    return fs
print([f() for f in shared()])
