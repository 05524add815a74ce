name = 'w'
a = f'hello {name}'
b = f'{x!r:>{width}} {y=} {z:.2f}'
c = f"{'nested'}"
d = f'{f"{1+1}"}'
e = f'''multi
{line}'''
f = rf'\d{n}'
g = f'{{literal}}'
h = f'{a:{b}{c}}'
