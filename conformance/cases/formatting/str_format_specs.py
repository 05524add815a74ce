# Format-spec mini-language via str.format for many types.
values = [42, -42, 3.14159, "text", True, 1 + 2j]
specs = ["", ">10", "<10", "^10", "*^10", "+", " ", "010", ",", "_", "#x", ".3", "e", "%", "n", "b", "c", "s", ".2f"]
for spec in specs:
    row = []
    for v in values:
        try:
            row.append(("{:" + spec + "}").format(v))
        except (ValueError, TypeError, OverflowError) as e:
            row.append(type(e).__name__)
    print(repr(spec), row)
print("{:=^30}".format(" centered "), "{:>+8.2f}".format(2.5), "{:#o}".format(8), "{:#b}".format(5))
print("{:,}".format(1234567.891), "{:_b}".format(255), "{:,d}".format(-1234567), "{:08.3f}".format(-3.14159))
