# TypeError messages for unsupported operand types on builtins.
cases = [
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: "a" * 1.5,
    lambda: [1] * "x",
    lambda: -"a",
    lambda: ~1.5,
    lambda: +[],
    lambda: [1] @ [2],
    lambda: {} + {},
    lambda: {1} + {2},
    lambda: None < 1,
    lambda: 1 ** "2",
    lambda: 1 << 1.0,
    lambda: 1.0 & 1,
    lambda: divmod("a", 1),
    lambda: (1, 2) - (1,),
    lambda: b"a" + "b",
    lambda: "%d" % "x",
]
for c in cases:
    try:
        print(c())
    except TypeError as e:
        print(e)
