# Complex number arithmetic.
a, b = 3 + 4j, 1 - 2j
print(a + b, a - b, a * b, a / b, -a, +a)
print(a ** 2, a ** 0.5, a ** -1, b ** 3, 1j ** 2, 2 ** 1j)
print(abs(a), abs(-3j), abs(complex(1e300, 1e300)))
print(a.real, a.imag, a.conjugate(), type(a.real).__name__)
print(a == 3 + 4j, a != b, 1 + 0j == 1, 1j * 1j == -1)
print(1 + 2j + 3, 2.5 * 1j, (1 + 1j) / 2, 1 / (1 + 1j))
print((1 + 2j) * (1 - 2j), (2 + 0j) ** 10, 0j ** 0, pow(1 + 1j, 2))
for op in (lambda: a // b, lambda: a % b, lambda: divmod(a, b), lambda: a < b,
           lambda: 1j / 0, lambda: 0j ** -1, lambda: int(1j), lambda: float(1j)):
    try:
        print(op())
    except (TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
print(complex(1, 2) * complex(0, 1), 1e200j * 1e200j)
