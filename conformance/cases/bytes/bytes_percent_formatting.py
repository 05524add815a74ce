# printf-style formatting of bytes.
print(b"%s" % b"bytes", b"%s" % bytearray(b"ba"), b"%b" % b"b", b"%c" % 65, b"%c" % b"Z")
print(b"%d %i %x %X %o" % (42, -3, 255, 255, 8), b"%5d|%-5d|%05d" % (1, 2, 3))
print(b"%.2f %e %g" % (3.14159, 12345.678, 0.0001), b"%r" % b"x" if False else b"%a" % "é\n")
print(b"%(a)s-%(b)d" % {b"a": b"A", b"b": 2}, b"100%%" % ())
for bad in ((b"%s", "str"), (b"%d", b"x"), (b"%c", 256), (b"%s %s", (b"a",)), (b"%s", 5)):
    try:
        print(bad[0] % bad[1])
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(bytearray(b"%s!") % b"hi", type(bytearray(b"%s") % b"x").__name__)
