# Circular imports see partially initialised modules.
import sys
sys.dont_write_bytecode = True
import support.circ_a as a
print(a.A_EARLY, a.A_LATE)
print(sys.modules["support.circ_b"].SEEN)
try:
    import support.circ_from_a
except ImportError as e:
    message = str(e)
    print(type(e).__name__, message.split(" (")[0])
    print("circular import" in message, e.name)
print("support.circ_from_a" in sys.modules, "support.circ_from_b" in sys.modules)
