# Reading a text file next to the script: read, readline, readlines, iteration.
here = __file__.rpartition("/")[0]
path = here + "/support/lines.txt"
with open(path) as f:
    print(type(f).__name__, f.mode, f.closed, f.readable(), f.writable(), f.seekable())
    print(repr(f.readline()))
    print(repr(f.readline()))
    print(repr(f.read(5)))
    print(repr(f.read()))
    print(repr(f.read()), repr(f.readline()))
print(f.closed)
with open(path, "r", encoding="utf-8") as f:
    print(f.readlines())
with open(path) as f:
    for number, line in enumerate(f, 1):
        print(number, repr(line.rstrip("\n")))
with open(path) as f:
    print(f.readlines(20))
    print(repr(f.readline(4)), repr(f.readline(4)), repr(f.readline()))
with open(path) as f:
    data = f.read()
print(len(data), data.count("\n"), data.splitlines()[-1])
try:
    f.read()
except ValueError as e:
    print(type(e).__name__, e)
with open(here + "/support/utf8.txt", encoding="utf-8") as f:
    text = f.read()
print(repr(text), len(text))
with open(here + "/support/utf8.txt", encoding="ascii", errors="replace") as f:
    print(repr(f.read()))
