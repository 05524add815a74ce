# for/while with else, break and continue.
for i in range(3):
    print("loop", i)
else:
    print("else after normal end")

for i in range(5):
    if i == 2:
        print("break at", i)
        break
else:
    print("not printed")

for i in []:
    pass
else:
    print("else on empty loop")

n = 0
while n < 3:
    n += 1
    if n == 2:
        continue
    print("while", n)
else:
    print("while else", n)

while True:
    break
else:
    print("not printed")

result = []
for i in range(3):
    for j in range(3):
        if j > i:
            break
        result.append((i, j))
    else:
        result.append("inner else")
print(result)
print(i, j)

for x in range(3):
    continue
print("after continue loop", x)
