# An uncaught ImportError from importing a missing name ends the program.
import sys
sys.dont_write_bytecode = True
from support.greetings import hello
print(hello("before failing"))

def load_plugin():
    from math import no_such_plugin_function
    return no_such_plugin_function

print("loading plugin")
load_plugin()
print("not reached")
