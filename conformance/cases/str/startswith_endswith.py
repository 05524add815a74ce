# startswith/endswith with tuples, start and end.
s = "filename.tar.gz"
print(s.startswith("file"), s.startswith("name"), s.startswith("name", 4), s.startswith("name", 4, 7))
print(s.endswith(".gz"), s.endswith(".tar", 0, -3), s.endswith((".zip", ".gz")), s.endswith(()))
print(s.startswith(("x", "y", "fil")), s.startswith(""), s.endswith(""), s.startswith("", 100))
print(s.startswith("gz", -2), s.endswith("file", 0, 4), s.endswith("file", -100, 4))
print("".startswith(""), "".endswith("", 0, 0), "abc".startswith("", 3), "abc".startswith("", 4))
try:
    s.startswith(["file"])
except TypeError as e:
    print(type(e).__name__, e)
try:
    s.endswith(("gz", 1))
except TypeError as e:
    print(type(e).__name__, e)
print(b"bytes".startswith(b"by"), b"bytes".endswith((b"x", b"es")), bytearray(b"ab").startswith(b"a"))
try:
    b"bytes".startswith("b")
except TypeError as e:
    print(type(e).__name__, e)
print("日本語".startswith("日"), "日本語".endswith("語", 1), "ÉCOLE".startswith("É"))
