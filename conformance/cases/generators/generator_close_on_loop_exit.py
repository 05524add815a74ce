# A generator created by a for loop's own iterable expression is closed (its finally runs)
# the moment the loop is left early: break, return, or an exception unwinding past it.
def counted(tag):
    try:
        yield 1
        yield 2
    finally:
        print("  finally", tag)

for x in counted("break"):
    break
print("after break")

class Box:
    def first(self):
        for x in counted("return"):
            return x
print("returned", Box().first())

def inner_and_outer():
    for x in counted("outer"):
        for y in counted("inner"):
            break
        print("  inner loop left")
        raise KeyError(x)
try:
    inner_and_outer()
except KeyError as e:
    print("caught KeyError", e)

for x in (y * 10 for y in counted("genexp")):
    print("genexp gave", x)
    break
print("after genexp")

try:
    [1 / (x - 1) for x in counted("comprehension")]
except ZeroDivisionError:
    print("comprehension raised")

def relay():
    for x in counted("inside relay"):
        yield x
r = relay()
print("relay gave", next(r))
r.close()
print("relay closed")

def ignores():
    try:
        yield 1
    except GeneratorExit:
        yield 2
for x in ignores():
    break
print("after ignoring generator")

def raises_in_finally():
    try:
        yield 1
    finally:
        raise ValueError("from finally")
for x in raises_in_finally():
    break
print("end")
