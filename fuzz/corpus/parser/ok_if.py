if a:
    pass
elif b:
    pass
else:
    pass
if x: y = 1
