# Mutating containers while iterating over them.
lst = [1, 2, 3, 4]
for x in lst:
    if x == 2:
        lst.remove(x)
print(lst)

lst = [1, 2, 3]
seen = []
for x in lst:
    seen.append(x)
    if len(lst) < 6:
        lst.append(x * 10)
print(seen, lst)

d = {"a": 1, "b": 2}
try:
    for k in d:
        d["c"] = 3
except RuntimeError as e:
    print(type(e).__name__, e)

s = {1, 2, 3}
try:
    for v in s:
        s.add(v + 10)
except RuntimeError as e:
    print(type(e).__name__, e)

d = {"a": 1, "b": 2}
for k in d:
    d[k] = 100
print(d)
d = {"a": 1, "b": 2}
for k in list(d):
    del d[k]
print(d)
d = {1: 1}
try:
    for k in d:
        del d[k]
        d[2] = 2
except RuntimeError as e:
    print(type(e).__name__, e)
