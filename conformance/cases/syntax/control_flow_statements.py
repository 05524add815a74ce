# if/elif/else chains, while/else, pass, and nested loops with labels via flags.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
print([classify(n) for n in (-5, 0, 3, 42)])
def empty():
    pass
print(empty())
class Nothing:
    ...
print(Nothing.__name__)
count = 0
while count < 3:
    count += 1
else:
    print("while finished normally", count)
found = None
for i in range(3):
    for j in range(3):
        if i * j == 2:
            found = (i, j)
            break
    if found:
        break
print(found)
x = 0
if x: print("not printed")
else: print("one-line else")
for k in range(2): print("one-line for", k)
a = 1; b = 2; print(a + b)
if (1 and
        2):
    print("implicit continuation in parentheses")
total = 1 + \
    2
print(total)
