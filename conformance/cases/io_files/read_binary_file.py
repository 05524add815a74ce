# Reading files in binary mode, seek and tell.
here = __file__.rpartition("/")[0]
with open(here + "/support/utf8.txt", "rb") as f:
    print(type(f).__name__, f.mode, f.readable(), f.writable())
    data = f.read()
    print(data, len(data), type(data).__name__)
    print(f.tell(), f.seek(0), f.tell())
    print(f.read(4), f.tell())
    print(f.seek(-3, 2), f.read())
    print(f.seek(2), f.seek(3, 1), f.read(3))
    print(f.read(0), f.read(), f.read())
with open(here + "/support/lines.txt", "rb") as f:
    print(f.readline(), f.readline(5))
    print(f.readlines()[-1])
with open(here + "/support/utf8.txt", "rb") as f:
    buf = bytearray(6)
    n = f.readinto(buf)
    print(n, buf, buf.decode("utf-8", "replace"))
with open(here + "/support/utf8.txt", "rb", buffering=0) as f:
    print(type(f).__name__, f.read(3))
try:
    with open(here + "/support/utf8.txt", "rb") as f:
        f.seek(-1)
except (ValueError, OSError) as e:
    print(type(e).__name__, e)
