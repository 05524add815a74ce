# print() with sep, end, file and flush.
import sys
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=" | ", end=" <end>\n")
print(1, 2, sep=None, end=None)
print()
print("no newline", end="")
print(" -> continued")
print(*range(5), sep=",")
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print("stdout explicitly", file=sys.stdout)
print("none file", file=None)

class Collector:
    def __init__(self):
        self.parts = []
    def write(self, text):
        self.parts.append(text)
    def flush(self):
        self.parts.append("<flush>")
c = Collector()
print("x", 1, [2], sep="-", end="!", file=c, flush=True)
print(c.parts)
for bad in ({"sep": 1}, {"end": 2}, {"file": 3}, {"bogus": 1}):
    try:
        print("x", **bad)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
print("", end="")
print("unicode: é 日本 😀", 1.5, None, True, b"bytes", sep="\t")
