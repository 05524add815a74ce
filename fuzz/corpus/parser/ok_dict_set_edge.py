d = {a: b for a, b in c if a}
s = {*a}
d2 = {**a}
d3 = {1: 2,}
