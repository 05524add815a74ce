# return, break and continue passing through finally blocks.
def ret():
    for i in range(3):
        try:
            if i == 1:
                return f"returned at {i}"
        finally:
            print("finally", i)
print(ret())

def brk():
    out = []
    for i in range(5):
        try:
            if i == 2:
                break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out
print(brk())

def cont():
    out = []
    for i in range(3):
        try:
            if i == 1:
                continue
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out
print(cont())

def nested():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")
print(nested())

def while_finally():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                break
        finally:
            print("while finally", n)
    return n
print(while_finally())
