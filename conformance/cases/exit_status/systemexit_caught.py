# SystemExit is a BaseException: 'except Exception' does not catch it.
import sys

try:
    try:
        sys.exit(2)
    except Exception:
        print("not caught here")
except SystemExit as e:
    print("caught as BaseException subclass", e.code, e.args)

try:
    sys.exit("text message")
except SystemExit as e:
    print(repr(e.code), str(e))

try:
    raise SystemExit(1, 2)
except SystemExit as e:
    print(e.code, e.args)

try:
    exit_code = 7
    raise SystemExit(exit_code)
except BaseException as e:
    print(type(e).__name__, e.code)
print(issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException))
