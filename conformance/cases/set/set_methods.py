# Set methods.
s = {3, 1, 2}
s.add(4)
s.add(1)
print(sorted(s))
s.discard(10)
s.remove(4)
try:
    s.remove(10)
except KeyError as e:
    print(type(e).__name__, e)
print(sorted(s), len(s))
x = s.pop()
print(x in {1, 2, 3}, len(s))
s = {1, 2, 3}
print(sorted(s.union([4], (5,))), sorted(s.intersection({2, 3}, [3])), sorted(s.difference("abc", [1])))
print(sorted(s.symmetric_difference([3, 4])), s.issubset(range(5)), s.issuperset([1]), s.isdisjoint([9]))
s.update([7], {8})
s.intersection_update(range(8))
print(sorted(s))
s.difference_update([1, 2])
s.symmetric_difference_update({3, 100})
print(sorted(s))
c = s.copy()
c.clear()
print(c, sorted(s), set() is not set())
print(sorted(frozenset("hello")), frozenset([1, 2]).union([3]), frozenset().copy() == frozenset())
try:
    frozenset([1]).add(2)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    set().pop()
except KeyError as e:
    print(type(e).__name__, e)
try:
    s.union(5)
except TypeError as e:
    print(type(e).__name__, e)
