for i in range(10):
    if i:
        continue
    break
else:
    pass
while True:
    break
else:
    done()
for x, (y, z) in w: pass
