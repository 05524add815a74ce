name = 'w'
t1 = t'hello {name}'
t2 = t'{x!r} {y:>10}'
t3 = rt'raw {z}'
