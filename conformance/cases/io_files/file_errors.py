# Errors from open() and from misusing file objects.
here = __file__.rpartition("/")[0]
try:
    open("no_such_file_for_conformance.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename, e)
try:
    open(here + "/support")
except IsADirectoryError as e:
    print(type(e).__name__, e.errno, e.strerror)
for mode in ("rw", "z", "rbt", "", "r+w"):
    try:
        open(here + "/support/lines.txt", mode)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    open(here + "/support/lines.txt", "rb", encoding="utf-8")
except ValueError as e:
    print(type(e).__name__, e)
with open(here + "/support/lines.txt") as f:
    try:
        f.write("x")
    except OSError as e:
        print(type(e).__name__, e, isinstance(e, ValueError))
f.close()
f.close()
for op in (f.read, f.readline, lambda: f.seek(0), lambda: next(iter(f))):
    try:
        op()
    except ValueError as e:
        print(type(e).__name__, e)
try:
    open(here + "/support/utf8.txt", encoding="no-such-encoding")
except LookupError as e:
    print(type(e).__name__, e)
with open(here + "/support/utf8.txt", encoding="ascii") as f:
    try:
        f.read()
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)
try:
    open(123456789)
except OSError as e:
    print(type(e).__name__, e.errno)
