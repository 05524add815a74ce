# format() calls __format__ with the spec.
print(format(3.14159, ".2f"), format(42, "08b"), format("text", "^10"), format(None), format([1], ""))
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        if spec == "short":
            return f"${self.cents // 100}"
        return f"${self.cents / 100:{spec or '.2f'}}"
m = Money(12345)
print(format(m), format(m, "short"), format(m, ".1f"), f"{m:short} and {m}", "{:short}".format(m))
class NoFormat:
    def __repr__(self):
        return "NoFormat()"
print(format(NoFormat()), f"{NoFormat()}")
try:
    format(NoFormat(), "x")
except TypeError as e:
    print(type(e).__name__, e)
class BadFormat:
    def __format__(self, spec):
        return 123
try:
    format(BadFormat())
except TypeError as e:
    print(type(e).__name__, e)
try:
    format(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
print(format(True), format(True, "d"), format(True, "^5"), format(1 + 2j, "^12"), format(b"x" if False else "x", "*>3"))
print(object.__format__(NoFormat(), ""), format(object(), "").startswith("<object object at "))
try:
    object.__format__(m, "x")
except TypeError as e:
    print(type(e).__name__, e)
