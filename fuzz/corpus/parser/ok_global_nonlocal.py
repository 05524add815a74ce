g = 0
def f():
    global g
    x = 1
    def inner():
        nonlocal x
        x += 1
    return inner
