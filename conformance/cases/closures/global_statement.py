# global declarations and module-level name lookup.
total = 0
def add(n):
    global total
    total += n
    return total

print(add(5), add(7), total)

def create():
    global created
    created = "yes"
create()
print(created)

def reader():
    return total * 2
print(reader())

def shadow():
    total = -1
    return total
print(shadow(), total)

def nested():
    def inner():
        global total
        total = 1000
    inner()
nested()
print(total)

print("created" in globals(), globals()["total"])

def uses_builtin():
    return len("abc")
len = lambda x: 42
print(uses_builtin())
del len
print(uses_builtin())
