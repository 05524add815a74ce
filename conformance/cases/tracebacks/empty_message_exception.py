# Uncaught exceptions with no message print only the class name.
class Quiet(Exception):
    pass

def level_two():
    raise Quiet

def level_one():
    level_two()

try:
    level_one()
except Quiet as q:
    print("caught:", repr(q), repr(str(q)))

level_one()
