# Traceback for an error inside a call that spans several lines.
def combine(a, b, c):
    return a + b + c

values = {"x": 1, "y": 2}
result = combine(
    values["x"],
    values["y"],
    3,
)
print(result)
result = combine(
    values["x"],
    values["z"],
    3,
)
