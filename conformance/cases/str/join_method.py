# str.join with various iterables and its errors.
print(", ".join(["a", "b", "c"]), "".join(("x", "y")), "-".join("abc"), "+".join([]))
print(" ".join(map(str, range(5))), "\n".join(["one"]), "ab".join(["1", "2", "3"]))
print(",".join({"k1": 1, "k2": 2}), "|".join(x.upper() for x in "hi"))
for bad in ([1, 2], ["a", None], ["a", b"b"], 5):
    try:
        ",".join(bad)
    except TypeError as e:
        print(type(e).__name__, e)
class S(str):
    pass
print(type("".join([S("a")])).__name__, repr("".join([S("sub")])))
print(b",".join([b"a", bytearray(b"b"), memoryview(b"c")]), bytearray(b"-").join([b"x", b"y"]))
try:
    b",".join(["a"])
except TypeError as e:
    print(type(e).__name__, e)
print("日".join(["本", "語"]), "".join(chr(c) for c in range(97, 102)))
