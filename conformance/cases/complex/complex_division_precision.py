# Complex division and power results that depend on careful algorithms.
pairs = [(1 + 2j, 3 + 4j), (1e300 + 1e300j, 1e300 + 1e300j), (1, 1e-300j), (1j, 1j),
         (5, 2 + 0j), (-1, 1j), (1e-320 + 1e-320j, 1e-320j)]
for a, b in pairs:
    print(a, "/", b, "=", a / b)
for base, exp in [(1j, 2), (1j, 3), (2 + 2j, 0.5), (-1, 0.5), (1j, 1j), (0j, 2), (0j, 0j), (3, 2j)]:
    print(base, "**", exp, "=", base ** exp)
try:
    0j ** 1j
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print((1 + 2j) * 1.0, (1 + 2j) * 2, (1 + 2j) - 1, 1 - (1 + 2j), 2 / (1 + 1j))
print(complex(1, 2) * complex(3, 4) == complex(-5, 10))
