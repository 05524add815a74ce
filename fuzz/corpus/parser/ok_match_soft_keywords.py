match = 1
case = 2
_ = match + case
match(x)
type = 3
print(type)
