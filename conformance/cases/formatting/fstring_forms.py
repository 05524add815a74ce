# f-string forms: expressions, conversions, specs, nesting and debug '='.
name, value, width, prec = "pi", 3.14159265, 10, 3
print(f"{name}={value:.2f}", f"{value:{width}.{prec}f}|", f"{name!r:>6}", f"{name!a}", f"{name!s}")
print(f"{1 + 2}", f"{'nested'}", f"{[x * 2 for x in range(3)]}", f"{ {'k': 1}['k'] }", f"{(lambda: 'lam')()}")
print(f"{value=}", f"{value = :.1f}", f"{name=!s}", f"{1 + 1=}", f"{name.upper()=}", f"{width=:>5}")
print(f"{{braces}}", f"{{{name}}}", f"{'{'}", f"a{'b'}c", f"{''}|", f"{3.0:g}")
print(f"{"double quotes inside double"}", f'{'single in single'}', f"{f"{f"{name}"}"}")
print(f"{'\n'.join(['line1', 'line2'])}")
items = {"a": 1}
print(f"{items["a"]}", f"{len(items)}", f"{items!r}", f"{name:*^9}", f"{-value:+.1e}")
print(f"{value:{'>' if width else '<'}{width}}|", f"{12345678:,}", f"{0.25:.0%}", f"{255:#06x}")
x = 5
print(f"{x if x > 3 else 'small'}", f"{x:b}", f"{x!r:^5}|", f"{(x, x)}", f"{x,}")
print(f"multi {
    x + 1
} line")
obj = type("O", (), {"__format__": lambda self, spec: f"<{spec}>", "__repr__": lambda self: "O()"})()
print(f"{obj}", f"{obj:spec here}", f"{obj!r}", f"{obj=}", f"{obj=:x}")
print(f"{'é'!a}", f"{b'bytes'}", f"{None}", f"{...}")
