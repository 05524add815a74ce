# complex() construction and repr forms.
print(complex(), complex(1), complex(1.5, -2), complex("1+2j"), complex(" 3-4J "), complex("-1.5e3j"))
print(complex("j"), complex("-j"), complex("(1+2j)"), complex("1_0+2_0j"), complex("inf+nanj"))
print(repr(1j), repr(-1j), repr(0j), repr(-0j), repr(complex(-0.0, -0.0)), repr(complex(0.0, -0.0)))
print(repr(1 + 0j), repr(complex(1, -0.0)), repr(1e20j), repr(1.5e-10 + 2j), repr(complex(1e16, 1)))
print(str(2 + 3j), f"{2 + 3j}", format(1 + 2j, ".2f"), format(1.5 - 2.25j, "^20"), format(1j, ""))
print(format(3 + 4j, "e"), format(3 + 4j, "g"), format(complex(1, 1) / 3, ".3g"))
print(complex(complex(1, 2)), complex(True, False), complex(2 ** 10, 0.5))
print(complex(float("inf"), float("nan")), complex(-float("inf"), 0))
for bad in ("1+2", "1+2jj", "", "j1", "1 + 2j", "(1+2j", "nanx"):
    try:
        complex(bad)
    except ValueError as e:
        print(type(e).__name__, e)
for args in (("1", 2), (1, "2"), ([],)):
    try:
        complex(*args)
    except TypeError as e:
        print(type(e).__name__, e)
class C:
    def __complex__(self):
        return 5j
print(complex(C()), (1 + 2j).__complex__() if hasattr(1j, "__complex__") else "no __complex__")
print(hash(3 + 0j) == hash(3), hash(1j), (3 + 4j).conjugate().imag)
