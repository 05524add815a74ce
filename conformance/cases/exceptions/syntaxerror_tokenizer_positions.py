# Where SyntaxError points for errors the tokenizer finds, or the parser reports for it:
# `text` without the newline, end_offset 0 or -1 where CPython has no end column.
sources = [
    "x = [1,\ny=2", "x = (\n1,", "x=(\n", "'abc\n", "x = 'abc\ny", '"""abc\n\n', "x = 0o8",
    "x = 5a", "x = )", "x = (]", "a = 1 +  ", "a = 1 +\n", "x = 1\\", "\ty\n",
    "if 1:\n  x\n y\n", "if 1:\n\tx\n        y", "x = 1 \\ y", "x = bf'a'", "f'{'",
    "f(**x, *y, z)", "f(**x, a=1, *y)", "f(**x,\n *y)", "(a, b\n c) = 1234567",
    "x = [1,\n2 3456789]", "def f(x=1,\n y):\n pass", "if x:", "class A:\n  def f(self):",
    "def f():\n    try:\n        x\n", "def f():\n    try:\n        x\ny\n", "@dec\n",
]
for src in sources:
    try:
        compile(src, "<case>", "exec")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), type(e).__name__, "|", e.msg)
        print("   ", e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
