# Free variables pass through intermediate functions.
def level1(a):
    def level2(b):
        def level3(c):
            return a, b, c
        return level3
    return level2

print(level1(1)(2)(3))
l2 = level1("x")
print(l2.__code__.co_freevars, l2.__code__.co_cellvars)
l3 = l2("y")
print(l3.__code__.co_freevars)

def passthrough():
    v = "through"
    def middle():
        def inner():
            return v
        return inner
    return middle
m = passthrough()
print(m.__code__.co_freevars, m()())

def counter_factory():
    count = 0
    def make_incrementer(step):
        def incr():
            nonlocal count
            count += step
            return count
        return incr
    return make_incrementer
mk = counter_factory()
a, b = mk(1), mk(10)
print(a(), b(), a(), b())
