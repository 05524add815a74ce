# Template string literals (PEP 750, new in 3.14) evaluate to Template objects.
name, amount = "Ann", 3.14159
t = t"Hello {name}, you owe {amount:.2f}!"
print(type(t).__name__, t.strings)
print([(i.value, i.expression, i.conversion, i.format_spec) for i in t.interpolations])
print(t.values)
parts = []
for item in t:
    parts.append(type(item).__name__)
print(parts)
t2 = t"{name!r:>8} and {{braces}}"
i = t2.interpolations[0]
print(t2.strings, i.value, i.expression, i.conversion, i.format_spec)
print(t"plain".strings, t"".strings, t"{1}{2}".strings, len(t"{1}{2}".interpolations))
combined = t"a{1}" + t"b{2}"
print(combined.strings, combined.values)
try:
    t"x" + "y"
except TypeError as e:
    print(type(e).__name__, e)
def render(template):
    out = []
    for item in template:
        if isinstance(item, str):
            out.append(item)
        else:
            value = item.value
            if item.conversion == "r":
                value = repr(value)
            out.append(format(value, item.format_spec))
    return "".join(out)
print(render(t), "|", render(t2))
print(t"{amount=}".strings, t"{amount=}".interpolations[0].conversion)
