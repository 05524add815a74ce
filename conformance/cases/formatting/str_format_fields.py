# str.format: automatic, manual and named fields; attribute and index access.
print("{} {} {}".format(1, "two", 3.0))
print("{2} {0} {1} {0}".format("a", "b", "c"))
print("{name} is {age}".format(name="Bob", age=40), "{0} {x}".format(1, x=2))
class P:
    x, y = 3, 4
    items = ["first", "second"]
print("{0.x},{0.y} {0.items[1]} {1[key]} {2[0]}".format(P, {"key": "val"}, (9,)))
print("{{literal}} {{{0}}}".format("inside"), "{}".format({}), "{!r:>8}|".format("s"))
print("{0!s} {0!r} {0!a}".format("é"), "{:{}}|".format("x", 4), "{:{w}.{p}f}".format(3.14159, w=8, p=2))
print("{a[0]}{a[1]}".format(a="xy"), "{0[-1]}".format({-1: "neg key"}) if False else "skip")
errors = [("{} {}", (1,), {}), ("{0} {}", (1, 2), {}), ("{x}", (), {}), ("{0.missing}", (1,), {}),
          ("{0[5]}", ([1],), {}), ("{", (), {}), ("}", (), {}), ("{!x}", (1,), {}), ("{:d}", ("s",), {}),
          ("{0:{1}}", (1,), {})]
for fmt, args, kwargs in errors:
    try:
        print(fmt.format(*args, **kwargs))
    except (IndexError, KeyError, AttributeError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
