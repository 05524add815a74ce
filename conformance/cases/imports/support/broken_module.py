# Helper module that fails while executing.
print("broken_module: partially executed")
PARTIAL = True
raise ValueError("broken_module cannot be imported")
