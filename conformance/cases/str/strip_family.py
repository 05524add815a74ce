# strip/lstrip/rstrip with default whitespace and explicit characters; removeprefix/removesuffix.
s = " \t\n hello world \r\x0b\x0c "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixyx".strip("x"), "xxhixyx".strip("xy"), "xxhixyx".lstrip("x"), "xxhixyx".rstrip("yx"))
print(repr("\u3000\u2003wide\u00a0".strip()), repr("\x1c\x1ddata\x1e\x1f".strip()))
print("www.example.com".strip("cmowz."), "abc".strip(""), "abc".strip(None))
print("".strip(), "   ".strip(), "aaa".strip("a"), "abc".strip("cba"))
print("TestCase".removeprefix("Test"), "TestCase".removeprefix("Case"), "TestCase".removesuffix("Case"))
print("abc".removeprefix(""), "abc".removesuffix("abc"), "aaa".removeprefix("a"))
try:
    "abc".strip(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    "abc".removeprefix(None)
except TypeError as e:
    print(type(e).__name__, e)
print(b"  bytes  ".strip(), b"xxbyx".strip(b"xy"), bytearray(b"\tba\n").strip())
