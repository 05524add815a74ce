# str.split and str.rsplit with and without separators and maxsplit.
s = "  a  b\tc\n d  "
print(s.split(), s.split(None, 1), s.rsplit(None, 1), s.split(maxsplit=2))
print("a,b,,c,".split(","), "a,b,,c,".rsplit(",", 2), "a,b,,c,".split(",", 0))
print("".split(), "".split(","), "   ".split(), "   ".split(" "))
print("a::b::c".split("::"), "a::b::c".rsplit("::", 1), "abc".split("abc"))
print("one two three".split(" ", -1), "1<>2<>3".split("<>", maxsplit=1))
print("a\x1cb\x1dc\x1ed\x1fe\x85f\u2028g\u3000h".split())
print("x".split("x"), "xx".split("x"), "axbxc".rsplit("x", maxsplit=-1))
try:
    "abc".split("")
except ValueError as e:
    print(type(e).__name__, e)
try:
    "abc".split(1)
except TypeError as e:
    print(type(e).__name__, e)
print("ß ö ü".split(), "日本 語".split(" "))
