# bytes.decode with codecs and error handlers.
data = "café 日本".encode("utf-8")
print(data, data.decode(), data.decode("utf-8"), len(data))
bad = b"ok \xff\xfe bad \xc3"
for errors in ("ignore", "replace", "backslashreplace", "surrogateescape"):
    print(errors, repr(bad.decode("utf-8", errors)))
try:
    bad.decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
    print(e.encoding, e.object, e.start, e.end, e.reason)
print(b"\xe9t\xe9".decode("latin-1"), b"\x80\x93".decode("ascii", "replace"))
print(b"\xff\xfeh\x00i\x00".decode("utf-16"), b"h\x00i\x00".decode("utf-16-le"))
print(repr(b"\xed\xa0\x80".decode("utf-8", "surrogatepass")), b"abc".decode("ascii"))
try:
    b"\x80".decode("ascii")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
print(str(b"\xc3\xa9", "utf-8"), str(b"abc", encoding="ascii"), str(bytearray(b"xy"), "utf-8"))
print(repr(str(b"bytes repr")), repr(b"\xef\xbb\xbfBOM".decode("utf-8")), b"\xff\xfeA\x00".decode("utf-16"))
try:
    str(b"x", "utf-8", "bad-handler-name")
except LookupError as e:
    print(type(e).__name__, e)
