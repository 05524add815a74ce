# compile() in exec, eval and single modes, with flags and dont_inherit.
c1 = compile("x = 5", "<exec>", "exec")
c2 = compile("x * 2", "<eval>", "eval")
ns = {}
exec(c1, ns)
print(eval(c2, ns), type(c1).__name__, c1.co_filename, c2.co_filename)
c3 = compile("1 + 1", "<single>", "single")
print(type(c3).__name__)
exec(c3)
exec(compile("'a string'", "<single>", "single"))
exec(compile("None", "<single>", "single"))
for src, mode in (("x = 1", "eval"), ("1\n2", "single"), ("x", "bogus"), ("if True:\n", "exec")):
    try:
        compile(src, "<bad>", mode)
    except (SyntaxError, ValueError) as e:
        print(type(e).__name__, e)
print(eval(compile(b"40 + 2", "<bytes>", "eval")), eval(compile("# comment\n7", "<c>", "eval")))
try:
    compile("x", "<f>", "exec", flags=0x40000000)
except ValueError as e:
    print(type(e).__name__, e)
code = compile("def f(a, b):\n    return a + b", "<module>", "exec")
print([type(c).__name__ for c in code.co_consts if hasattr(c, "co_name")], code.co_names)
try:
    compile("x\0", "<nul>", "exec")
except (SyntaxError, ValueError) as e:
    print(type(e).__name__, e)
print(compile("a", "name.py", "eval").co_filename, compile("1", "<c>", "eval", dont_inherit=True).co_name)
