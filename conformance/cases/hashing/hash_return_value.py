# __hash__ must return an int; large results are reduced; -1 becomes -2.
class H:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v

print(hash(H(5)), hash(H(-1)), hash(H(True)))
print(hash(H(2 ** 64)) == hash(2 ** 64), hash(H(-(2 ** 70))) == hash(-(2 ** 70)))
for bad in ("str", 1.5, None):
    try:
        hash(H(bad))
    except TypeError as e:
        print(type(e).__name__, e)

class IntSub(int):
    pass
print(hash(H(IntSub(9))))

calls = []
class Key:
    def __init__(self, name, h):
        self.name, self.h = name, h
    def __hash__(self):
        calls.append("hash " + self.name)
        return self.h
    def __eq__(self, other):
        calls.append(f"eq {self.name}=={other.name}")
        return self.name == other.name
d = {Key("a", 1): 1}
d[Key("b", 1)] = 2
print(len(d), calls)
calls.clear()
print(d[Key("a", 1)], calls)
