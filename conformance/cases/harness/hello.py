# The smallest case: one line on stdout, exit status 0.
print("hello, world")
