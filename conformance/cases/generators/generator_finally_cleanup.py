# try/finally inside generators, and return inside finally.
def counted():
    try:
        for i in range(3):
            yield i
    finally:
        print("finally ran")

for x in counted():
    print(x)
    if x == 1:
        break
print("after break")

def exhausting():
    try:
        yield 1
    finally:
        print("exhausted finally")
print(list(exhausting()))

def raising():
    yield 1
    raise ValueError("inside generator")
try:
    for v in raising():
        print("got", v)
except ValueError as e:
    print(type(e).__name__, e)

def nested_try():
    try:
        try:
            yield "a"
        finally:
            print("inner finally")
        yield "b"
    finally:
        print("outer finally")
g = nested_try()
print(next(g), next(g))
g.close()
