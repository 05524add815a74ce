# Very deeply nested containers make repr/comparison raise RecursionError.
deep = []
for _ in range(200000):
    deep = [deep]
try:
    repr(deep)
except RecursionError as e:
    print("repr:", type(e).__name__)

d = {}
for _ in range(200000):
    d = {"k": d}
try:
    str(d)
except RecursionError as e:
    print("str of dict:", type(e).__name__)

x = []
x.append(x)
y = []
y.append(y)
try:
    x == y
except RecursionError as e:
    print("comparison:", type(e).__name__)

moderate = []
for _ in range(50):
    moderate = [moderate]
print(repr(moderate).count("["), moderate == eval(repr(moderate)))
