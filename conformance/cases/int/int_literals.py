# Integer literal forms.
print(0, 00, 0_0, 1_000, 0b1010, 0B11, 0o777, 0O10, 0xdead_beef, 0XFF)
print(123456789012345678901234567890, -0, +0, --5, 0x_1)
print(1_2_3_4, 0b_1_0, 0o_7)
for src in ("012", "1__2", "1_", "0b2", "0o8", "0xg", "0_b1"):
    try:
        compile(src, "<lit>", "eval")
        print(src, "compiled")
    except SyntaxError as e:
        print(repr(src), "->", e.msg)
print(type(10).__name__, type(0x10).__name__)
x = 1
print(x.real, (1).real, 1 .real, 1. .real if False else "float literal then attr")
print(999999999999999999999 + 1, 0xFFFFFFFFFFFFFFFF + 1, 0o1777777777777777777777)
