# sys.exit with a number: the snapshot records the status; output before it is kept.
import sys

print("before exit")
sys.exit(3)
