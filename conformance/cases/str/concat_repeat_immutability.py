# Concatenation, repetition, membership, and immutability of str.
a = "abc"
b = a
a += "def"
print(a, b, a is b)
print("ab" * 3, 3 * "ab", "ab" * 0, "ab" * -1, "" * 100)
print("a" + "b" + "c", "x" "y" "z", ("implicit "
      "concatenation"))
print("bc" in "abcd", "" in "abc", "ac" in "abc", "A" in "abc")
print(len("abc" * 1000), ("ab" * 3).count("ab"), max("hello"), min("hello"), sorted("bca"))
try:
    "a" * 2.0
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a" + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a".x = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    "a" * (2 ** 63)
except (OverflowError, MemoryError) as e:
    print(type(e).__name__)
print(str.__add__("a", "b"), str.__mul__("ab", 2), str.__rmul__("ab", 2), str.__contains__("abc", "b"))
