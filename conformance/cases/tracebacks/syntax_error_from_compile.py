# An uncaught SyntaxError from compile() shows the source line and caret.
snippets = ["x = 1", "y = [1, 2", "z = 3"]

def run(index, src):
    code = compile(src, f"<snippet {index}>", "exec")
    ns = {}
    exec(code, ns)
    return sorted(k for k in ns if not k.startswith("__"))

for i, src in enumerate(snippets):
    print("compiling snippet", i)
    print("defined:", run(i, src))
