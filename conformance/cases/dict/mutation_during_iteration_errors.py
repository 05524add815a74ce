# Changing a dict's size during iteration raises RuntimeError.
d = {"a": 1, "b": 2, "c": 3}
for action in ("add", "delete", "pop", "clear-refill"):
    dd = dict(d)
    try:
        for k in dd:
            if action == "add":
                dd[k + k] = 0
            elif action == "delete":
                del dd[k]
            elif action == "pop":
                dd.pop("c")
            else:
                dd.clear()
                dd.update({"x": 1, "y": 2, "z": 3})
        print(action, "finished", dd)
    except RuntimeError as e:
        print(action, type(e).__name__, e)
dd = dict(d)
try:
    for k, v in dd.items():
        dd["new"] = v
except RuntimeError as e:
    print("items", type(e).__name__, e)
dd = dict(d)
try:
    for v in dd.values():
        del dd["a"]
except RuntimeError as e:
    print("values", type(e).__name__, e)
dd = dict(d)
for k in dd:
    dd[k] = "overwritten is fine"
print(dd)
dd = dict(d)
for k in list(dd):
    if k != "b":
        del dd[k]
print(dd)
