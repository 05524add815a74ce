# Helper module that records how many times its body ran.
import sys
executions = getattr(sys, "_conformance_counter_executions", 0) + 1
sys._conformance_counter_executions = executions
print("counter_module body run number", executions)
