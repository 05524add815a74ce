# An uncaught exception raised while a helper module executes shows both frames.
import sys
sys.dont_write_bytecode = True

def load():
    print("importing a module that raises")
    import support.broken_module
    return support.broken_module

load()
print("not reached")
