# A StopIteration escaping to module level is an ordinary uncaught exception.
def first(items):
    return next(iter(items))

def first_of_each(groups):
    return [first(g) for g in groups]

print(first([1, 2]))
print(first_of_each(["ab", "cd"]))
print("about to fail")
print(first_of_each(["ab", ""]))
print("not reached")
