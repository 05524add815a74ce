# A module body runs once; later imports reuse sys.modules; deleting forces re-execution.
import sys
sys.dont_write_bytecode = True
import support.counter_module
import support.counter_module
from support import counter_module
print(counter_module.executions)
del sys.modules["support.counter_module"]
import support.counter_module as again
print(again.executions, again is not counter_module)
sys.modules["fake_module_name"] = "anything can live in sys.modules"
import fake_module_name
print(fake_module_name)
sys.modules["none_module"] = None
try:
    import none_module
except ImportError as e:
    print(type(e).__name__, e)
del sys.modules["fake_module_name"], sys.modules["none_module"]
del sys._conformance_counter_executions
