t = ()
t1 = (1,)
l = [1, 2, *rest]
d = {'a': 1, **other}
s = {1, 2, *more}
e = {}
