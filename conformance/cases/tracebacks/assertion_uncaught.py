# Uncaught AssertionError with a message.
def mean(values):
    assert values, "mean() of empty sequence"
    return sum(values) / len(values)

def summarize(groups):
    for name, values in groups:
        print(name, mean(values))

summarize([("a", [1, 2, 3, 4]), ("b", [2.5])])
summarize([("c", [1]), ("d", [])])
print("not reached")
