# UnboundLocalError and NameError for locals, free variables and globals.
x = 1
def f():
    try:
        print(x)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    x = 2
    return x
print(f())

def g():
    def inner():
        return y
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    y = 3
    return inner()
print(g())

def h():
    z = 1
    del z
    try:
        return z
    except UnboundLocalError as e:
        print(type(e).__name__, e)
h()

def k():
    return undefined_name_xyz
try:
    k()
except NameError as e:
    print(type(e).__name__, e, e.name)

print(issubclass(UnboundLocalError, NameError))

try:
    del also_undefined
except NameError as e:
    print(type(e).__name__, e)
