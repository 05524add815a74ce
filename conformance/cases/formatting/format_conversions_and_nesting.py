# Conversions (!s !r !a) and nested replacement fields across all three styles.
class Both:
    def __str__(self):
        return "str-form"
    def __repr__(self):
        return "repr-form"
    def __format__(self, spec):
        return f"format-form[{spec}]"
b = Both()
print(f"{b} {b!s} {b!r} {b!a} {b:x} {b!s:>10} {b!r:<10}|")
print("{} {!s} {!r} {!a} {:x}".format(b, b, b, b, b))
print("%s %r %a" % (b, b, b))
table = [("apple", 1.5, 3), ("kiwi", 0.25, 12)]
for name, price, qty in table:
    print(f"{name:<8}|{price:>6.2f}|{qty:>4d}|{price * qty:>8.2f}")
w, p = 12, 4
print(f"{'nested':{'^'}{w}}", "{:{align}{width}.{prec}}".format(3.14159, align=">", width=w, prec=p))
print("{0:{1}}".format("dyn", 6) + "|", "{:{}{}}".format(5, "0", 3), f"{5:{0}{3}}")
fmt = "{greeting}, {name}!"
print(fmt.format(greeting="Hello", name="World"), fmt.format_map({"greeting": "Hi", "name": "you"}))
print(format(b, "spec"), str(b), repr(b), ascii(b))
