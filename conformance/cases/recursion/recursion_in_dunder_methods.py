# RecursionError from recursive dunder methods is caught and messages are stable.
class LoopRepr:
    def __repr__(self):
        return "LoopRepr(" + repr(self) + ")"
try:
    repr(LoopRepr())
except RecursionError as e:
    print(type(e).__name__, e)

class LoopAttr:
    def __getattr__(self, name):
        return self.other
try:
    LoopAttr().x
except RecursionError as e:
    print(type(e).__name__, e)

class LoopEq:
    def __eq__(self, other):
        return self == other
try:
    LoopEq() == 1
except RecursionError as e:
    print(type(e).__name__, e)

class LoopLen:
    def __len__(self):
        return len(self)
try:
    bool(LoopLen())
except RecursionError as e:
    print(type(e).__name__, e)

def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(500), is_odd(501))
try:
    is_even(-1)
except RecursionError as e:
    print(type(e).__name__, e)
