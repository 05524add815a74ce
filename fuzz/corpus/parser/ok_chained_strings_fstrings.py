x = 'a' f'{b}' 'c' f'{d!s}'
y = b'a' b'b'
