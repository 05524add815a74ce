r = a + b - c * d / e // f % g ** h @ m
s = -x + +y - ~z
t = a << 1 >> 2 & 3 | 4 ^ 5
u = not a and b or c
v = a if b else c
w = (yield)
