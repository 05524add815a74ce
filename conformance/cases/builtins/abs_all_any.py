# abs(), all(), any().
print(abs(-5), abs(5), abs(-0), abs(-2.5), abs(-0.0), abs(3 - 4j), abs(True), abs(-(10 ** 30)))
print(abs(float("-inf")), abs(float("nan")), type(abs(-1)).__name__, type(abs(-1.0)).__name__)
class A:
    def __abs__(self):
        return "custom abs"
print(abs(A()))
try:
    abs("x")
except TypeError as e:
    print(type(e).__name__, e)
print(all([]), all([1, 2]), all([1, 0]), all("abc"), all([[]]), all(x > 0 for x in [1, 2]))
print(any([]), any([0, 0.0, ""]), any([0, "x"]), any(iter([None, ()])), any({0: 1}))
seen = []
def check(v):
    seen.append(v)
    return v
print(all(check(v) for v in [1, 0, 2]), seen)
seen.clear()
print(any(check(v) for v in [0, 3, 4]), seen)
try:
    all(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    any()
except TypeError as e:
    print(type(e).__name__, e)
