pass; x = 1; del x
assert x, 'message'
raise
import a; import b
del a, b[0], c.d
