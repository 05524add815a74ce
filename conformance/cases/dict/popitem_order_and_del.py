# popitem removes in LIFO order; deleting and reinserting keys.
d = {c: ord(c) for c in "abcde"}
while d:
    print(d.popitem(), end=" ")
print()
d = dict.fromkeys(range(5))
del d[2]
d[2] = "back"
print(list(d), d.popitem())
del d[0]
try:
    del d[0]
except KeyError as e:
    print(type(e).__name__, e)
print(d)
d[10] = 1
d.pop(1)
print(d, next(iter(d)), next(reversed(d)))
big = {i: i for i in range(1000)}
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:5], list(big)[-3:], big.popitem())
