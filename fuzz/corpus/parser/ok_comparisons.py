a < b <= c > d >= e == f != g
x in y
x not in y
x is y
x is not y
