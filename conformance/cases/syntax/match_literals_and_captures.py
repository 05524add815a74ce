# match statement: literal, capture, wildcard, or-patterns, guards and as-patterns.
def describe(value):
    match value:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case True:
            return "unreachable for True since True == 1"
        case "hello" | "hi":
            return "greeting"
        case None:
            return "none"
        case -1.5:
            return "negative float literal"
        case 1j:
            return "imaginary"
        case int(n) if n > 100:
            return f"big int {n}"
        case str() as s if len(s) > 5:
            return f"long string {s!r}"
        case _:
            return f"other {value!r}"

for v in (0, 2, True, False, "hi", None, -1.5, 1j, 500, 50, "abcdefg", "abc", 2.0, b"x"):
    print(repr(v), "->", describe(v))

def capture(x):
    match x:
        case y:
            return y * 2
print(capture(21))
