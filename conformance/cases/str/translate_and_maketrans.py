# str.maketrans and str.translate.
t = str.maketrans("abc", "xyz")
print(sorted(t.items()), "aabbcc-abc".translate(t))
t2 = str.maketrans("ab", "AB", "xyz")
print("axbycz".translate(t2), sorted(t2.items()))
t3 = str.maketrans({"a": "1", "b": None, ord("c"): "333", "d": 100})
print(sorted(t3.items()), "abcd".translate(t3))
print("hello".translate({ord("l"): "L"}), "hello".translate({}), "日本".translate({ord("日"): "月"}))
class Table:
    def __getitem__(self, code):
        if chr(code) in "aeiou":
            return chr(code).upper()
        raise LookupError
print("translate vowels".translate(Table()))
for args in (("ab", "x"), ({"ab": "x"},), (1,)):
    try:
        str.maketrans(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    "a".translate({97: 3.5})
except TypeError as e:
    print(type(e).__name__, e)
bt = bytes.maketrans(b"abc", b"ABC")
print(len(bt), b"aabbcc".translate(bt), b"abcdef".translate(None, b"ace"), b"xyz".translate(bt, b"y"))
