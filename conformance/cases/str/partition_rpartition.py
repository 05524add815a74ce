# str.partition and str.rpartition always return 3-tuples.
print("key=value=more".partition("="))
print("key=value=more".rpartition("="))
print("no separator".partition("="))
print("no separator".rpartition("="))
print("".partition("x"), "abc".partition("abc"), "aaa".partition("aa"), "aaa".rpartition("aa"))
print("path/to/file.txt".rpartition("/")[2], "file.tar.gz".partition(".")[2])
try:
    "abc".partition("")
except ValueError as e:
    print(type(e).__name__, e)
try:
    "abc".rpartition(None)
except TypeError as e:
    print(type(e).__name__, e)
print(b"a:b:c".partition(b":"), bytearray(b"a:b").rpartition(b":"))
print("héllo wörld".partition("ö"), "日本語".rpartition("本"))
