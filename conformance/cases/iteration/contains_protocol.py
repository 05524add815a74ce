# 'in' uses __contains__, else __iter__, else __getitem__.
class WithContains:
    def __contains__(self, item):
        print("__contains__", item)
        return item == "yes"
class WithIter:
    def __iter__(self):
        print("__iter__")
        return iter([1, 2, 3])
class WithGetitem:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return i
class TruthyContains:
    def __contains__(self, item):
        return [item]

print("yes" in WithContains(), "no" in WithContains(), "no" not in WithContains())
print(2 in WithIter(), 5 in WithIter())
print(2 in WithGetitem(), 7 in WithGetitem())
print(0 in TruthyContains(), type(0 in TruthyContains()).__name__)
try:
    1 in 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 in object()
except TypeError as e:
    print(type(e).__name__, e)
print("ab" in "xaby", "" in "", 1 in [1.0], (1, 2) in [(1, 2)])
print(1 in {1: "a"}, "a" in {1: "a"}, "a" in {1: "a"}.values())
print(3 in range(0, 10, 3), 4 in range(0, 10, 3), 3.0 in range(5))
try:
    1 in "abc"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a" in b"abc"
except TypeError as e:
    print(type(e).__name__, e)
print(97 in b"abc", b"bc" in b"abc")
