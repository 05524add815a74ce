# SyntaxError raised by compile() and its fields.
sources = ["x = (1,", "def f(:\n  pass", "a = 1 +", "if True:\nprint(1)", "x = 1\n  y = 2",
           "return 5", "f(**x, *y)", "'unterminated", "1 = a", "del f()"]
for src in sources:
    try:
        compile(src, "<case>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "|", e.filename, e.lineno, e.offset,
              e.end_lineno, e.end_offset, repr(e.text))
        print("  str:", str(e))

e = SyntaxError("custom message", ("file.py", 3, 5, "bad line\n", 3, 8))
print(e.msg, e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
print(str(e), e.args)
print(str(SyntaxError("no details")), SyntaxError("x").lineno)
try:
    eval("1 +* 2")
except SyntaxError as e:
    print(e.msg, e.filename, e.lineno, e.offset)
