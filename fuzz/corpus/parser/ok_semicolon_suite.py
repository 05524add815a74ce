if x: a = 1; b = 2
while y: y -= 1; continue
