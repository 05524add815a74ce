# A generator passed straight to enumerate/map/filter/zip whose result a for loop iterates is
# closed when the loop is left early; one that something else may still hold is not.
def counted(tag):
    try:
        yield 1
        yield 2
    finally:
        print("  finally", tag)

for i, x in enumerate(counted("enumerate"), 1):
    break
print("after enumerate")
for x in map(str, counted("map")):
    break
print("after map")
for x in filter(None, counted("filter")):
    break
print("after filter")
for a, b in zip(counted("zip first"), counted("zip second")):
    break
print("after zip")
for a, b in zip([1], counted("zip, shorter list")):
    pass
print("after exhausted zip")

def first_pair():
    for pair in enumerate(counted("enumerate in function")):
        return pair
print("returned", first_pair())

kept = []
def keep(g):
    kept.append(g)
    return g
for x in keep(counted("kept")):
    break
print("after kept, still open:", kept[0].gi_suspended)

class Numbered(enumerate):
    def __new__(cls, it):
        kept.append(it)
        return super().__new__(cls, it)
for i, x in Numbered(counted("subclass")):
    break
print("after subclass, still open:", kept[1].gi_suspended)
for g in kept:
    g.close()
print("end")
