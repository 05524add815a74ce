print('hello, world')
print(1, 2, sep=', ', end='')
