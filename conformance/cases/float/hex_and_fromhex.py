# float.hex() and float.fromhex().
for v in (0.0, -0.0, 1.0, 0.5, 0.1, -2.5, 3.141592653589793, 1e300, 5e-324,
          2.2250738585072014e-308, 1.7976931348623157e308, float("inf"), float("-inf"), float("nan")):
    print(repr(v), v.hex())
for s in ("0x1p0", "0x1.8p1", "-0x1p-2", "0x.8p1", "0x1.fffffffffffffp1023", "0x1p-1074",
          "  0x10  ", "0X1P+3", "inf", "-Infinity", "nan", "0x1.00000000000001p0", "1", "0xap0"):
    print(repr(s), float.fromhex(s))
for bad in ("0x1p", "", "0x1.8p1x", "0x1p2000"):
    try:
        float.fromhex(bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(float.fromhex((0.1).hex()) == 0.1, float.fromhex("0x1p-1075"), float.fromhex("0x3p-1076"))
