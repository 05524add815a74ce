# The format-spec mini-language applied to floats.
x = 1234.5678
specs = ["", "f", ".2f", ".0f", "10.2f", "<10.2f", "^10.2f", ">10.2f", "*^12.1f", "+.1f",
         " .1f", "e", ".3e", "E", "g", ".3g", ".10g", "G", "%", ".1%", ",", ",.2f", "_.3f",
         "010.2f", "=+12.2f", "#.0f", "#g", ".0e", "n", "z.1f"]
for s in specs:
    print(f"{s!r:10} -> {format(x, s)!r}")
print(format(-0.0, ".1f"), format(-0.0001, "z.2f"), format(0.5, ".0f"), format(1.5, ".0f"))
print(format(1e-5, "g"), format(1e-4, "g"), format(1e16, "g"), format(123456789.0, "g"))
print(format(0.1, ".20f"), format(1 / 3, ".17g"), format(2 ** 0.5, ".30f"))
print(format(1e300, "f")[:20], len(format(1e300, "f")))
print(format(12.0, ""), format(12.0, "g"), format(1.0, ".0%"), format(100.0, "e"))
for bad in ("d", "x", ".2d", "c"):
    try:
        format(1.5, bad)
    except ValueError as e:
        print(type(e).__name__, e)
