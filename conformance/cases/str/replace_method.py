# str.replace with counts, empty patterns and overlapping matches.
s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 2), s.replace("one", "1", 0), s.replace("one", "1", -1))
print("aaaa".replace("aa", "b"), "abc".replace("", "-"), "abc".replace("", "-", 2), "".replace("", "x"))
print("abc".replace("x", "y"), "abc".replace("abc", ""), "a.b.c".replace(".", ""))
print("ababab".replace("aba", "X"), "hello".replace("l", "L", 1), "日本日本".replace("日", "月"))
print("abc".replace(old="b", new="B") if False else "abc".replace("b", "B", count=1))
try:
    "abc".replace("a")
except TypeError as e:
    print(type(e).__name__, e)
try:
    "abc".replace(1, "x")
except TypeError as e:
    print(type(e).__name__, e)
print(b"aXbXc".replace(b"X", b"--"), bytearray(b"aaa").replace(b"a", b"b", 2))
print("tab\there".replace("\t", "    "), "x" * 3 + "y".replace("y", "z"))
