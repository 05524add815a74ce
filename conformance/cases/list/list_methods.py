# list methods and their return values.
lst = [3, 1, 4, 1, 5]
print(lst.append(9), lst)
print(lst.extend([2, 6]), lst)
lst.extend("ab")
lst.extend(range(2))
print(lst)
print(lst.insert(0, "first"), lst.insert(100, "last"), lst.insert(-1, "before last"), lst)
print(lst.pop(), lst.pop(0), lst.pop(-2), lst)
print(lst.remove(1), lst)
print(lst.index(1), lst.index(5, 2), lst.count(1), lst.count("zz"))
print(lst.reverse(), lst)
c = lst.copy()
print(c == lst, c is lst)
print(lst.clear(), lst, c)
print([1, 2, 3].index(3, -1), [1, 2, 3, 2].index(2, 2, 4))
l2 = [1, 2]
l2 += (3, 4)
l2 += "ab"
print(l2)
print([1] * 3, [[0]] * 2, [] * 5, [1, 2] + [3])
nested = [[0]] * 3
nested[0].append(1)
print(nested)
