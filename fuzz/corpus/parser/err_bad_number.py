x = 1_
y = 0x
z = 09
