# input() reads from sys.stdin.readline and writes the prompt to sys.stdout.
import sys

class FakeStdin:
    def __init__(self, lines):
        self.lines = list(lines)
    def readline(self):
        return self.lines.pop(0) if self.lines else ""

real_stdin = sys.stdin
sys.stdin = FakeStdin(["first line\n", "no newline at end"])
try:
    a = input("prompt> ")
    print()
    print(repr(a))
    b = input()
    print(repr(b))
    try:
        input("eof> ")
    except EOFError as e:
        print()
        print(type(e).__name__, repr(str(e)))
finally:
    sys.stdin = real_stdin
try:
    input("a", "b")
except TypeError as e:
    print(type(e).__name__, e)
print(issubclass(EOFError, Exception))
