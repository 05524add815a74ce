# and/or return an operand; not returns a bool; evaluation short-circuits.
def t(v):
    print("eval", repr(v))
    return v

print(t(0) and t(1))
print(t(2) and t(3))
print(t("") or t("x"))
print(t("a") or t("b"))
print(not t([]), not t([1]))
print(t(None) or t(0) or t(""))
print(t(1) and t(2) and t(None) and t(4))
x = [] or {}
print(type(x).__name__)
print((0 or 5) + (3 and 4))
a = 5
print(a > 3 and "big" or "small", a > 10 and "big" or "small")
print(all([]), any([]), all([1, "", 2]), any([0, "", None, 3]))
def gen():
    for i in range(5):
        print("gen", i)
        yield i
print(any(x > 1 for x in gen()))
print(all(x < 1 for x in gen()))
