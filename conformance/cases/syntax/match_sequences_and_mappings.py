# match statement: sequence and mapping patterns.
def seq(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one: {x}"
        case [x, y]:
            return f"two: {x}, {y}"
        case [first, *rest] if len(rest) > 3:
            return f"long, first={first}, rest={rest}"
        case [first, *_, last]:
            return f"first={first}, last={last}"
        case _:
            return "not a sequence"
for v in ([], [1], (1, 2), [1, 2, 3], list(range(6)), "ab", b"ab", {1, 2}, range(3), {"a": 1}):
    print(repr(v), "->", seq(v))

def mapping(m):
    match m:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": "circle", **rest}:
            return f"circle with {sorted(rest)}"
        case {}:
            return "some mapping"
        case _:
            return "not a mapping"
for m in ({"type": "point", "x": 1, "y": 2, "z": 3}, {"type": "circle", "r": 5, "c": 0}, {"a": 1}, {}, [1]):
    print(m, "->", mapping(m))

match [1, [2, [3, 4]]]:
    case [a, [b, [c, d]]]:
        print(a + b + c + d)
match {"k": [1, {"inner": "deep"}]}:
    case {"k": [_, {"inner": str(val)}]}:
        print(val)
