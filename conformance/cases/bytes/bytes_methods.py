# Common bytes methods mirror str methods.
b = b"  Hello, World  "
print(b.strip(), b.lstrip(), b.rstrip(), b.upper(), b.lower(), b.swapcase(), b.title())
print(b.split(), b.split(b","), b.strip().split(b", "), b"a b  c".split(None, 1), b"a,b".rsplit(b",", 1))
print(b.replace(b"l", b"L"), b.replace(b"l", b"L", 1), b.startswith(b"  H"), b.endswith(b"d  "))
print(b.strip().center(20, b"*"), b"ab".ljust(5, b"."), b"ab".rjust(5), b"42".zfill(5))
print(b"abc".isalpha(), b"abc1".isalnum(), b"123".isdigit(), b" \t".isspace(), b"ABC".isupper(), b"Ab Cd".istitle())
print(b"abc".isascii(), b"\x80".isascii(), b"abc".islower(), b"\xe9".isalpha(), b"".isalpha())
print(b"-".join([b"a", b"b"]), b"hello".capitalize(), b"a\tb".expandtabs(4), b"x=y".partition(b"="))
print(b"Hello".removeprefix(b"He"), b"Hello".removesuffix(b"lo"), b"aaa".count(b"a"), b"abc".index(b"c"))
print(b"line1\nline2".splitlines(), b"%s and %d" % (b"x", 5), b"hello"[1:3].decode())
try:
    b"abc".index(b"z")
except ValueError as e:
    print(type(e).__name__, e)
try:
    b"abc".split("b")
except TypeError as e:
    print(type(e).__name__, e)
print(b"abc".find(b"c", 1, 2), b"abcabc".rindex(b"b"), b"abc".translate(None, b"b"))
