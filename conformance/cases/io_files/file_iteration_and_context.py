# File objects are their own iterators and context managers.
here = __file__.rpartition("/")[0]
f = open(here + "/support/lines.txt", encoding="utf-8")
print(iter(f) is f, f.closed)
print(next(f), end="")
print(f.__next__(), end="")
rest = list(f)
print(len(rest), rest[-1])
try:
    next(f)
except StopIteration:
    print("StopIteration at end of file")
with f as same:
    print(same is f)
print(f.closed)
with open(here + "/support/lines.txt") as a, open(here + "/support/utf8.txt", "rb") as b:
    print(a.readline().strip(), b.readline().strip())
print(a.closed, b.closed)
lines = [line.rstrip("\n") for line in open(here + "/support/lines.txt")]
print(lines)
with open(here + "/support/lines.txt") as f:
    print(f.encoding.lower().replace("-", "") in ("utf8", "ascii"), f.errors, f.line_buffering)
with open(here + "/support/lines.txt", encoding="latin-1") as f:
    print(f.encoding, f.buffer.read(5), type(f.buffer).__name__, type(f.buffer.raw).__name__)
