# format_map, isascii, __len__, and other less common str methods.
class Default(dict):
    def __missing__(self, key):
        return f"<{key}>"
print("{name} is {age}".format_map(Default(name="Ann")))
try:
    "{0}".format_map({})
except ValueError as e:
    print(type(e).__name__, e)
print("plain".format_map({}))
print("abc".isascii(), "é".isascii(), "".isascii(), "abc".__len__(), len("😀"))
print("ab".__getitem__(1), "ab".__iter__().__next__(), "ab".__contains__("b"))
print("a b c".split(" ", 1)[1].title(), "Mixed Case".swapcase().lower())
print("%s and %s" % ("x", "y"), "abc".__mod__(()) if False else "no mod")
print(str.upper("lower"), str.lower("UPPER"), list(map(str.strip, [" a ", "b "])))
print(sorted(["banana", "Apple", "cherry"], key=str.lower), sorted(["b", "A", "a", "B"]))
print("aBc".upper().lower().capitalize(), "x".join("yz").center(7, "_"))
print(str.count("banana", "a"), "banana".index("n", 3), "a,b".split(",", maxsplit=0))
print("Hello"[::-1].upper().find("L"), "tEST".capitalize(), "test".istitle(), "Test".istitle())
