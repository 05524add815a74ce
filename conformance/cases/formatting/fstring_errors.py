# Compile-time and runtime errors in f-strings.
sources = ['f"{}"', 'f"{!r}"', 'f"{x!z}"', 'f"{"', 'f"}"', 'f"{x:{y:{z}}}"', "f'{a b}'", 'f"{=}"',
           'f"{lambda x: 1}"', 'f"{x!}"']
for src in sources:
    try:
        compile(src, "<fstring>", "eval")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), "->", e.msg)
try:
    f"{undefined_name_in_fstring}"
except NameError as e:
    print(type(e).__name__, e)
try:
    f"{1:d}{'s':d}"
except ValueError as e:
    print(type(e).__name__, e)
try:
    f"{3.5:x}"
except ValueError as e:
    print(type(e).__name__, e)
v = [1, 2]
try:
    f"{v[5]}"
except IndexError as e:
    print(type(e).__name__, e)
