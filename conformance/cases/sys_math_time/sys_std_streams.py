# sys.stdout/sys.stderr write() and replacing the streams.
import sys
n = sys.stdout.write("written via sys.stdout.write\n")
print(n)
m = sys.stderr.write("written to stderr\n")
print(m)
print(sys.stdout.writable(), sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)
class Capture:
    def __init__(self):
        self.data = []
    def write(self, s):
        self.data.append(s)
        return len(s)
    def flush(self):
        pass
cap = Capture()
saved = sys.stdout
sys.stdout = cap
print("captured line", 1, 2)
print("second", end="")
sys.stdout = saved
print(cap.data)
sys.stdout.flush()
try:
    sys.stdout.write(5)
except TypeError as e:
    print(type(e).__name__, e)
print("é 日本 😀", file=sys.stdout)
sys.stderr.write("stderr again: é\n")
