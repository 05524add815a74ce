# sys.exit("message") prints the message to stderr and exits with status 1.
import sys

def check(value):
    if value < 0:
        sys.exit(f"error: negative value {value}")
    return value * 2

print(check(5))
print(check(0))
print(check(-1))
print("not reached")
