# Importing a helper module: execution once, attributes, sys.modules entries.
import sys
sys.dont_write_bytecode = True
import support.greetings
print(support.greetings.hello("world"), support.greetings.__name__)
import support.greetings as g
print(g is support.greetings, g.GREETING)
from support.greetings import hello, GREETING as G
print(hello("again"), G)
print("support" in sys.modules, "support.greetings" in sys.modules)
print(sys.modules["support.greetings"] is g, type(g).__name__)
print(g.__package__, support.__package__, support.__name__)
print(g.__file__.endswith("greetings.py"), g.__spec__.name, g.__spec__.parent)
print(hasattr(support, "greetings"), support.PACKAGE_VALUE)
import support.greetings
print("second import did not re-execute the module")
