# find/rfind/index/rindex/count with start and end arguments.
s = "hello world, hello python"
print(s.find("hello"), s.find("hello", 1), s.rfind("hello"), s.find("xyz"), s.rfind("xyz"))
print(s.find("o", 5, 10), s.find("o", -6), s.rfind("o", 0, 10), s.find("", 3), s.rfind(""))
print(s.find("", 100), s.find("h", -100), s.find("n", 0, -1), s.find("hello", None, None))
print(s.index("world"), s.rindex("l"), s.index("l", 5), s.rindex("l", 0, 5))
print(s.count("l"), s.count("hello"), s.count(""), s.count("l", 3, 10), s.count("ll", -10))
print("aaaa".count("aa"), "aaaa".find("aa", 1), "aaaa".rfind("aa"), "".count(""), "abc".count("", 1, 2))
for call in (lambda: s.index("xyz"), lambda: s.rindex("hello", 1, 5), lambda: s.find(1)):
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print("日本語日本".find("本"), "日本語日本".rfind("本"), "日本語日本".count("日本"))
print("abc".find("c", 2**70), "abc".find("a", -2**70))
print("ab".find("b", True), "mississippi".count("ss"), "mississippi".rindex("ss"))
