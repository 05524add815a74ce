# Lexicographic comparison of sequences; identity shortcut for elements.
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 9])
print((1, 2) == (1, 2), (1, 2) == [1, 2], (1,) < (1, 0))
print("a" < "b", "B" < "a", "abc" < "ab", "" < "a", "é" > "z")
print(b"abc" < b"abd", bytearray(b"a") == b"a", b"a" == "a")
nan = float("nan")
print(nan == nan, nan is nan, [nan] == [nan], (nan,) == (nan,))
print(nan in [nan], [float("nan")] == [float("nan")])
print(max([1, 2], [1, 2, 0], [0, 9]), min("hello", "help"))
print(range(3) == range(0, 3), range(0) == range(2, 2), range(1, 5, 2) == range(1, 6, 2))
print([[1, 2], [1]] < [[1, 2], [2]])
print({1: 2} == {1: 2.0}, {1: 2} == {2: 1}, {"a": 1, "b": 2} == {"b": 2, "a": 1})
print(frozenset({1, 2}) == {1, 2}, {1, 2} == {2, 1})
try:
    {1: 2} < {1: 3}
except TypeError as e:
    print(type(e).__name__, e)
class Elem:
    def __eq__(self, other):
        print("Elem.__eq__ called")
        return True
e = Elem()
print([e] == [e], [e] == [Elem()])
