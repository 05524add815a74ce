# Complex values with special floats and mixing with ints and floats.
inf, nan = float("inf"), float("nan")
z = complex(inf, 1)
print(z, z * 0, z + z, abs(z), complex(nan, 0) == complex(nan, 0))
print(complex(1, inf) * 1j, complex(0, 0) * complex(inf, 0))
print((1 + 1j) ** 100, (1e100 + 1e100j) * (1e100 + 1e100j))
print(complex(2 ** 60, 1), 2 ** 60 * 1j, 1j * 2 ** 1000 if False else "skip")
try:
    1j * 2 ** 2000
except OverflowError as e:
    print(type(e).__name__, e)
print(1j.real, 1j.imag, (2j).__abs__(), (1 + 1j).__neg__(), (1 + 1j).__pos__())
print(sum([1j, 2, 3.5]), max([1, 2], key=lambda v: abs(v * 1j)))
print(bool(0j), bool(1j), bool(complex(0, -0.0)), 0j == 0, 0j == False)
print([round(x.real, 10) for x in ((1 + 1j) ** 0.5, (1j) ** 0.5)])
print(type(1j + 1).__name__, type(1j.real).__name__, (5 + 0j).real.is_integer())
print(complex(1, 2) == (1, 2), (1 + 2j).__eq__("x"))
