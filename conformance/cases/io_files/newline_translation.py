# Universal newlines on read, and the newline parameter on write.
import os
name = f"_conformance_io_nl_{os.getpid()}.txt"
try:
    with open(name, "wb") as f:
        f.write(b"unix\nwindows\r\nold mac\rend")
    for newline in (None, "", "\n", "\r", "\r\n"):
        with open(name, newline=newline) as f:
            print(repr(newline), f.readlines())
    with open(name) as f:
        f.read()
        print(repr(f.newlines))
    for newline in (None, "", "\n", "\r\n", "\r"):
        with open(name, "w", newline=newline) as f:
            f.write("a\nb\r\nc")
        with open(name, "rb") as f:
            print(repr(newline), f.read())
    try:
        open(name, newline="x")
    except ValueError as e:
        print(type(e).__name__, e)
finally:
    os.remove(name)
