# printf-style % formatting of str.
print("%s %r %a" % ("é", "é", "é"))
print("%d %i %u" % (42, -7, 3), "%5d|%-5d|%05d|%+d|% d" % (1, 2, 3, 4, 5))
print("%x %X %#x %#X %o %#o" % (255, 255, 255, 255, 8, 8))
print("%f %.2f %10.3f %-10.1f| %e %.3E %g %G" % (3.14159, 2.71828, 1.5, 2.5, 12345.6789, 0.000123, 1e-5, 1e20))
print("%c%c %%" % (72, "i"), "%.3s|%5s|%-5s|" % ("abcdef", "ab", "ab"))
print("%(name)s is %(age)d years" % {"name": "Ann", "age": 30})
print("%*d|%-*d|%.*f" % (5, 42, 4, 7, 2, 3.14159))
print("%s" % [1, 2], "%s" % (1,), "%s %s" % (1, 2), "%r" % ((1, 2),), "no args" % ())
print("%5.1f%%" % 99.55, "%#.0f" % 3, "%.0f" % 2.5, "%.0f" % 3.5, "%e" % 0, "%g" % 100000, "%g" % 1000000)
print("%d" % 3.99, "%x" % True, "%s" % None, "%-6s|" % True, "%.2s" % 12345)
errors = [("%d", "x"), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%(k)s", ("a",)), ("%z", 1),
          ("%c", 1114112), ("%c", "ab"), ("%", ()), ("%(k)s", {}), ("%x", 1.5)]
for fmt, args in errors:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__, e)
