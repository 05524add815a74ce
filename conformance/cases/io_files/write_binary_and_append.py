# Writing binary data, appending and truncating.
import os
name = f"_conformance_io_bin_{os.getpid()}.bin"
try:
    with open(name, "wb") as f:
        print(type(f).__name__, f.write(b"\x00\x01\x02"), f.write(bytearray(b"abc")), f.write(memoryview(b"xyz")))
        print(f.tell())
    with open(name, "ab") as f:
        f.write(bytes(range(250, 256)))
    with open(name, "rb") as f:
        data = f.read()
    print(data, len(data))
    with open(name, "r+b") as f:
        f.seek(3)
        f.write(b"ABC")
        f.seek(0)
        print(f.read(6))
        print(f.truncate(4), f.tell())
    with open(name, "rb") as f:
        print(f.read())
    with open(name, "wb") as f:
        try:
            f.write("text")
        except TypeError as e:
            print(type(e).__name__, e)
    with open(name, "w+b") as f:
        f.write(b"line1\nline2\n")
        f.seek(0)
        print(list(f))
finally:
    os.remove(name)
print("removed")
