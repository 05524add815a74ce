# // and % round toward negative infinity; divmod agrees with both.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3), (-6, 3), (1, 10), (-1, 10),
         (10 ** 20 + 3, 7), (-(10 ** 20) - 3, 7), (10 ** 20, -(10 ** 10) - 1)]
for a, b in pairs:
    q, r = divmod(a, b)
    print(f"{a} // {b} = {a // b}, {a} % {b} = {a % b}, divmod = ({q}, {r}), check = {q * b + r == a}")
print(-7 // 2.0, -7 % 2.0, divmod(-7, 2.0), 7 // -2.0, 7.5 % -2)
print(divmod(True, 2), True // 2, True % 2)
print(type(7 // 2).__name__, type(7 / 2).__name__, 7 / 2, -7 / 2, 6 / 3)
print(10 ** 30 / 10 ** 10, 1 / 3, 2 ** 70 / 2 ** 69)
