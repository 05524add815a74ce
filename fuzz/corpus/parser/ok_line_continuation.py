total = 1 + \
    2 + \
    3
items = [
    1,
    2,
]
if a and \
   b:
    pass
