# Error messages from list methods.
lst = [1, 2, 3]
cases = [
    lambda: lst.remove(5),
    lambda: lst.index(5),
    lambda: lst.index(1, 1),
    lambda: [].pop(),
    lambda: lst.pop(10),
    lambda: lst.pop("a"),
    lambda: lst.insert("a", 1),
    lambda: lst.append(),
    lambda: lst.append(1, 2),
    lambda: lst.extend(5),
    lambda: lst[10],
    lambda: lst["a"],
    lambda: lst.__setitem__(10, 1),
    lambda: lst.__delitem__(-10),
    lambda: lst + (4,),
    lambda: lst * [],
    lambda: lst.sort(key=len),
    lambda: list(1, 2),
    lambda: lst.count(),
]
for c in cases:
    try:
        c()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)
print(lst)
