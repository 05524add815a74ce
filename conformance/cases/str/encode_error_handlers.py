# str.encode with different codecs and error handlers.
s = "naïve café – 日本 😀"
for enc in ("utf-8", "utf-16-le", "utf-32-be", "latin-1", "ascii"):
    for errors in ("strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace", "namereplace"):
        try:
            print(enc, errors, s.encode(enc, errors))
        except UnicodeEncodeError as e:
            print(enc, errors, type(e).__name__, e.start, e.end, e.reason)
print("abc".encode(), "é".encode("utf-8"), "é".encode(encoding="latin-1"), "é".encode("utf8"))
print("\udcff".encode("utf-8", "surrogateescape"), "\ud800".encode("utf-8", "surrogatepass"))
try:
    "\ud800".encode()
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    "x".encode("no-such-codec")
except LookupError as e:
    print(type(e).__name__, e)
try:
    "é".encode("ascii", "no-such-handler")
except LookupError as e:
    print(type(e).__name__, e)
