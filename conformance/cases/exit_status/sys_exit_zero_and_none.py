# sys.exit() and sys.exit(None) and sys.exit(0) all mean success.
import sys

for arg in ((), (None,), (0,), (False,)):
    try:
        sys.exit(*arg)
    except SystemExit as e:
        print("caught SystemExit", repr(e), "code:", e.code)

print("now exiting for real with sys.exit(0)")
sys.stdout.flush()
sys.exit(0)
print("not reached")
