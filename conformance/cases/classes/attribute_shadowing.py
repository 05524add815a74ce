# Instance attributes shadow non-data class attributes; methods are bound on access.
class C:
    value = "class"
    def method(self):
        return "method"

c = C()
print(c.value)
c.value = "instance"
print(c.value, C.value)
c.method = lambda: "instance function"
print(c.method(), C.method(c))
del c.method
print(c.method())

m1 = c.method
m2 = c.method
print(m1 == m2, m1 is m2, m1.__self__ is c, m1.__func__ is C.method)
print(type(m1).__name__, type(C.method).__name__)

# Modifying the class affects existing instances.
C.method = lambda self: "patched"
print(c.method())
C.new_attr = [1]
print(c.new_attr)

class D(C):
    value = "D"
d = D()
print(d.value, d.method())
del D.value
print(d.value)
try:
    del D.value
except AttributeError as e:
    print(type(e).__name__, e)
