# list() construction, repr, equality and comparisons.
print(list(), list("abc"), list((1, 2)), list(range(3)), list({"a": 1}), list({1: 2}.items()))
print(list(x * 2 for x in range(3)), list(map(abs, [-1, -2])), list(b"ab"), list(reversed([1, 2])))
print(repr([1, "two", 3.0, None, [4], (5,), {6: 7}]), str(["a'b", 'c"d']))
print([1, 2] == [1, 2], [1, 2] != [2, 1], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] == [])
print(len([None] * 100), [0] * 0, list(list([1])), list([1]) is not [1])
a = [1, 2]
b = list(a)
b.append(3)
print(a, b)
print(isinstance([], list), type([]).__name__, list.__name__, [].__class__ is list)
class MyList(list):
    def __repr__(self):
        return "MyList" + super().__repr__()
m = MyList([3, 1, 2])
m.sort()
print(m, m + [4], type(m + [4]).__name__, type(m[:1]).__name__, type(m * 2).__name__)
print([i for i in range(20) if i % 3 == 0], [[i, j] for i in range(2) for j in range(2)])
print(list.__len__([1, 2]), list.__getitem__([5, 6], 1), list.__contains__([1], 1))
