# Indexing and slicing strings, including non-ASCII and astral characters.
s = "héllo wörld 😀!"
print(len(s), s[0], s[1], s[-1], s[-2], s[12])
print(s[1:5], s[::2], s[::-1], s[-5:], s[:100], s[100:], s[3:1], s[5:-5])
print(s[::3], s[10:2:-2], s[-1:-4:-1], s[slice(2, 8, 3)])
try:
    s[20]
except IndexError as e:
    print(type(e).__name__, e)
try:
    s["a"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    s[0] = "H"
except TypeError as e:
    print(type(e).__name__, e)
try:
    del s[0]
except TypeError as e:
    print(type(e).__name__, e)
print([c for c in "a😀b"], list(reversed("ab😀")), "😀" in s, ord(s[12]))
print("abc"[True], "abcdef"[1::2], "abcdef"[-100:100], "abc"[2:0:-1], "abc"[::-3])
print(type(s[0]).__name__, s[0:1] == s[0], "" [0:0] == "")
