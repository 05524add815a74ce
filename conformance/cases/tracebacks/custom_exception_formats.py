# An uncaught exception with several args prints the args tuple.
class MultiArg(Exception):
    pass

def check(values):
    total = sum(values)
    if total > 10:
        raise MultiArg("total too large", total, values)
    return total

print(check([1, 2, 3]))
print(check([5, 6]))
