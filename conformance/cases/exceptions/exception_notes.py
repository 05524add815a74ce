# add_note() and __notes__.
e = ValueError("with notes")
print(hasattr(e, "__notes__"))
e.add_note("first note")
e.add_note("second note")
print(e.__notes__)
try:
    e.add_note(42)
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    raise e
except ValueError as caught:
    print(caught.__notes__, str(caught))
e.__notes__ = ["replaced"]
print(e.__notes__)
def fail():
    try:
        int("bad")
    except ValueError as err:
        err.add_note("while parsing config")
        raise
try:
    fail()
except ValueError as err:
    print(err, err.__notes__)
