# Self-referencing containers print with ... placeholders.
lst = [1, 2]
lst.append(lst)
print(lst, repr(lst), str(lst))
print(len(lst), lst[2] is lst, lst[2][2][0])

d = {"name": "root"}
d["self"] = d
print(d)

a = []
b = [a]
a.append(b)
print(a, b)

outer = {"list": []}
outer["list"].append(outer)
print(outer)

t = ([],)
t[0].append(t)
print(t)

class Node:
    def __init__(self):
        self.children = []
    def __repr__(self):
        return f"Node({self.children!r})"
n = Node()
n.children.append([n])
print(n)
print(lst == lst, d == d)
s = [lst, lst]
print(s)
print(f"{lst}", "%s" % (lst,), ascii(d))
