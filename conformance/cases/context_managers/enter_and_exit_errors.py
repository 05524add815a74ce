# Errors raised from __enter__, and objects lacking the protocol.
class BadEnter:
    def __enter__(self):
        raise ValueError("enter failed")
    def __exit__(self, *a):
        print("exit must not run")

try:
    with BadEnter():
        print("body must not run")
except ValueError as e:
    print(type(e).__name__, e)

class OnlyEnter:
    def __enter__(self):
        return self
class OnlyExit:
    def __exit__(self, *a):
        pass
for obj in (OnlyEnter(), OnlyExit(), 42, None):
    try:
        with obj:
            pass
    except TypeError as e:
        print(type(e).__name__, e)

class InstanceAttrs:
    def __init__(self):
        self.__enter__ = lambda: "instance enter"
        self.__exit__ = lambda *a: None
try:
    with InstanceAttrs():
        pass
except TypeError as e:
    print(type(e).__name__, e)

class ExitArgs:
    def __enter__(self):
        return self
    def __exit__(self):
        return False
try:
    with ExitArgs():
        pass
except TypeError as e:
    print(type(e).__name__, e)
