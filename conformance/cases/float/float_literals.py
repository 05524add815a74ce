# Float literal forms and their values.
print(1.0, 1., .5, 1e3, 1E3, 1e-3, 1_000.000_1, 0.000_001, 1_0e1_0)
print(0e0, 00.5, 007.5, 1e308, 1e309, 1e-324, 4.9e-324)
print(123.456e2, 9.999999999999999e22, 1.7976931348623157e308, 0.1e1)
print(type(1.).__name__, type(1e0).__name__, type(1j).__name__)
for src in ("1.e", "1e+", "1._5", "1.5_", "1e1.5"):
    try:
        compile(src, "<float>", "eval")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), "->", e.msg)
print(3.14.is_integer(), 1.5.hex(), 10.0.as_integer_ratio())
print(1e1000 == float("inf"), -1e1000)
