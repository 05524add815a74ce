# Truth testing in if/while/assert/filter/conditional expressions uses the same protocol.
class Flag:
    calls = 0
    def __init__(self, value):
        self.value = value
    def __bool__(self):
        Flag.calls += 1
        return self.value
    def __repr__(self):
        return f"Flag({self.value})"

if Flag(True):
    print("if true")
if not Flag(False):
    print("not false")
print("ternary:", "yes" if Flag(True) else "no")
print(list(filter(None, [Flag(True), Flag(False), 0, 1])))
assert Flag(True)
n = 0
while Flag(n < 2):
    n += 1
print("while ran", n, "times")
print([x for x in (Flag(False), Flag(True)) if x])
print(Flag(False) or "fallback", Flag(True) and "second")
print(bool(Flag(True)), not Flag(True), Flag.calls)
class IntSub(int):
    pass
print(bool(IntSub(0)), bool(IntSub(3)))
class StrSub(str):
    def __len__(self):
        return 0
print(bool(StrSub("non-empty")), len(StrSub("x")))
class DictWithBool(dict):
    def __bool__(self):
        return True
print(bool(DictWithBool()), bool({}))
