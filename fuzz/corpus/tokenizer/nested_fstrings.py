f'{a!r:{b}>{c}}' f"{'{'}" f'''{x
+ y}''' f'{lambda: 1}' f'{x:=5}' f'{a:{b:{c}}}'
