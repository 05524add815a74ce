# Object addresses vary from run to run; the harness writes them as 0x$ADDR.
class Thing:
    pass


print(object.__repr__(Thing()).split(" at ")[0])
print(repr(Thing()).startswith("<__main__.Thing object at 0x"))
print(Thing())
