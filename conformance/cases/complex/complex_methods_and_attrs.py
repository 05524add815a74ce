# Attributes and methods of complex numbers, and complex in containers.
z = complex(3, -4)
print(z.real, z.imag, z.conjugate(), abs(z), z.__abs__())
print(z.__add__(1), z.__radd__(1), z.__sub__(1j), z.__rsub__(1j), z.__mul__(2))
print(z.__truediv__(2), z.__rtruediv__(25), z.__pow__(2), z.__rpow__(2).real > 0)
print(z.__eq__(3 - 4j), z.__ne__(3 - 4j), z.__add__("x"))
print([z, 1j], (z,), {z: "key"}, {z})
print(sorted([3 + 1j, 1 + 2j, 2 + 0j], key=abs))
print(sorted([3 + 1j, 1 + 2j], key=lambda c: (c.real, c.imag)))
print(complex.__name__, type(z).__mro__[0].__name__, isinstance(z, complex))
print(complex.from_number(5), complex.from_number(2.5), complex.from_number(1j))
try:
    complex.from_number("1")
except TypeError as e:
    print(type(e).__name__, e)
try:
    z.real = 5
except AttributeError as e:
    print(type(e).__name__, e)
print(eval(repr(z)) == z, eval(repr(complex(-0.0, 1))))
