# Methods and attributes of int.
n = -42
print(n.real, n.imag, n.numerator, n.denominator, n.conjugate())
print((12).as_integer_ratio(), (7).is_integer(), abs(n), n.__abs__())
print(int.__name__, (5).__index__(), (5).__int__(), (5).__float__(), (5).__trunc__())
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(5, 0), round(15, -1))
print(round(25, -1), round(35, -1), round(7, 3), round(999, -3), round(10 ** 20 + 5 * 10 ** 9, -10))
print((255).__format__("x"), (10).__floor__(), (10).__ceil__(), (3).__round__(-1))
print(int.from_bytes(b"\x01\x00", "big"), (10).__divmod__(3), (10).__rdivmod__(3))
print((7).__radd__(1), (7).__rsub__(1), (7).__rpow__(2), (2).__pow__(10, 1000))
print(int("10") + int(-3.5), int.__new__(int, 5), type(int.__new__(bool, 1)).__name__ if False else "x")
class Big(int):
    def __repr__(self):
        return f"Big({int(self)})"
b = Big(7)
print(b, b + 1, type(b + 1).__name__, type(-b).__name__, type(abs(b)).__name__)
print(isinstance(b, int), int(b), type(int(b)).__name__, b == 7, hash(b) == hash(7))
