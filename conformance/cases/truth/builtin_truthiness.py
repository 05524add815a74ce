# Truth values of builtin objects.
falsy = [None, False, 0, 0.0, -0.0, 0j, "", b"", bytearray(), [], (), {}, set(),
         frozenset(), range(0), range(5, 5), memoryview(b"")]
truthy = [True, 1, -1, 0.1, float("nan"), float("inf"), 1j, " ", "0", b"\x00", [0],
          (None,), {0: 0}, {0}, range(1), object, object(), len, Ellipsis]
print([bool(x) for x in falsy])
print([bool(x) for x in truthy])
print(bool(), bool(0), bool("False"), type(bool(1)).__name__)
print(True is bool(1), False is bool([]))
print(isinstance(True, int), True + 1, str(True), repr(False), int(True))
try:
    bool(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    class B(bool):
        pass
except TypeError as e:
    print(type(e).__name__, e)
print(bool.__mro__)
