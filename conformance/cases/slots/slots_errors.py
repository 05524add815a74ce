# Invalid __slots__ declarations.
try:
    class Conflict:
        __slots__ = ("x",)
        x = 1
except ValueError as e:
    print(type(e).__name__, e)

try:
    class BadName:
        __slots__ = ("not valid",)
except TypeError as e:
    print(type(e).__name__, e)

try:
    class NotStr:
        __slots__ = (1,)
except TypeError as e:
    print(type(e).__name__, e)

try:
    class DupDict:
        __slots__ = ("__dict__", "__dict__")
except TypeError as e:
    print(type(e).__name__, e)

class A:
    __slots__ = ("a",)
class B:
    __slots__ = ("b",)
try:
    class AB(A, B):
        pass
except TypeError as e:
    print(type(e).__name__, e)

try:
    class IntSlots(int):
        __slots__ = ("extra",)
except TypeError as e:
    print(type(e).__name__, e)

class Empty:
    __slots__ = ()
try:
    Empty().x = 1
except AttributeError as e:
    print(type(e).__name__, e)
