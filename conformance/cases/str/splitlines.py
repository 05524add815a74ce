# str.splitlines recognises many line boundaries.
text = "line1\nline2\r\nline3\rline4\x0bline5\x0cline6\x1cline7\x1dline8\x1eline9\x85line10\u2028line11\u2029end"
print(text.splitlines())
print(text.splitlines(keepends=True)[:4])
print("a\n\nb\n".splitlines(), "a\n\nb\n".splitlines(True))
print("".splitlines(), "\n".splitlines(), "\r\n".splitlines(True), "no newline".splitlines())
print("x\r\ry".splitlines(), "x\n\ry".splitlines(True))
print("a\nb".split("\n"), "a\nb\n".split("\n"))
print(b"a\nb\r\nc\x0bd".splitlines(), b"a\rb".splitlines(True))
print("one\ntwo".splitlines(keepends=False), "a\u2029b".splitlines())
try:
    "x".splitlines(keepends="yes")
except TypeError as e:
    print(type(e).__name__, e)
