# Uncaught NameError from a free variable that is not yet bound.
def outer():
    def inner():
        return later * 2
    print("calling inner")
    result = inner()
    later = 5
    return result

print("start")
outer()
