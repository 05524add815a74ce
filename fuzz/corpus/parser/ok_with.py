with a:
    pass
with a as b, c as d:
    pass
with (a as b, c as d,):
    pass
with (yield):
    pass
with open(p) as (x, y): pass
