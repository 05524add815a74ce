# Uncaught RecursionError: the traceback collapses repeated frames.
def walk(node):
    return walk(node + 1)

print("start")
walk(0)
print("not reached")
# The traceback shows the first repeated frames and then
# "[Previous line repeated N more times]".
# (The count depends only on the default recursion limit of 1000.)
