# sys.exit(True) exits with status 1 (True is an int).
import sys

print("exit with True")
try:
    sys.exit([1, 2])
except SystemExit as e:
    print("list code:", e.code)
try:
    sys.exit(255)
except SystemExit as e:
    print("int code:", e.code)
sys.stdout.flush()
sys.exit(True)
print("not reached")
