# Writing a text file in the current directory, reading it back, then removing it.
import os
name = f"_conformance_io_text_{os.getpid()}.txt"
try:
    with open(name, "w", encoding="utf-8") as f:
        print(f.mode, f.writable(), f.readable())
        print(f.write("hello\n"), f.write("wörld 😀\n"))
        f.writelines(["a\n", "b\n"])
        print("printed into the file", 42, file=f)
    with open(name, encoding="utf-8") as f:
        print(repr(f.read()))
    with open(name, "a", encoding="utf-8") as f:
        print(f.mode, f.write("appended\n"))
    with open(name, encoding="utf-8") as f:
        print(f.readlines()[-2:])
    with open(name, "r+", encoding="utf-8") as f:
        f.write("HELLO")
        f.seek(0)
        print(repr(f.readline()))
    with open(name, "w") as f:
        pass
    with open(name) as f:
        print(repr(f.read()))
    try:
        with open(name, "x") as f:
            pass
    except FileExistsError as e:
        print(type(e).__name__, e.errno, e.strerror)
    with open(name, "rb") as f:
        print(f.read())
finally:
    os.remove(name)
print(os.path.exists(name))
