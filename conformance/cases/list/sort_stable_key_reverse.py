# list.sort and sorted: stability, key functions, reverse.
records = [("bob", 3), ("alice", 1), ("carol", 3), ("dave", 2), ("eve", 1), ("frank", 2)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted(records, key=lambda r: (-r[1], r[0])))
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
lst = [3, 1, 2]
print(lst.sort(), lst)
lst.sort(reverse=True)
print(lst)
print(sorted("hello"), sorted({3: "a", 1: "b"}), sorted((2, 1)), sorted([]), sorted([1]))
print(sorted([0.5, -1, 3, True, False]), sorted([[2, 1], [1, 2], [1]]))
calls = []
def key(x):
    calls.append(x)
    return -x
print(sorted([1, 2, 3], key=key), calls)
try:
    [3, "a"].sort()
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1], key=1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1, 2].sort(lambda x: x)
except TypeError as e:
    print(type(e).__name__, e)
lst = [5, 4, 3]
try:
    lst.sort(key=lambda x: (lst.append(x), x)[1])
except ValueError as e:
    print(type(e).__name__, e)
