# Augmented assignment on subscripts and attributes evaluates the target once.
class Logged:
    def __init__(self):
        self.data = {"k": 1}
    def __getitem__(self, key):
        print("getitem", key)
        return self.data[key]
    def __setitem__(self, key, value):
        print("setitem", key, value)
        self.data[key] = value

def key():
    print("evaluate key")
    return "k"

def obj():
    print("evaluate obj")
    return target

target = Logged()
obj()[key()] += 10
print(target.data)

class Attr:
    def __getattr__(self, name):
        print("getattr", name)
        return 0
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value)
a = Attr()
a.count += 5
a.count += 5
print(a.count)

lst = [1, 2]
alias = lst
lst += [3]
print(alias, lst is alias)
t = (1, 2)
t_alias = t
t += (3,)
print(t_alias, t, t is t_alias)
try:
    tup = ([1],)
    tup[0] += [2]
except TypeError as e:
    print(type(e).__name__, e, tup)
