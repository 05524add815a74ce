# Attributes of code objects.
def sample(a, b, /, c, *args, d, e=5, **kwargs):
    local1 = a + b
    def inner():
        return local1 + c
    return inner

co = sample.__code__
print(co.co_name, co.co_qualname, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount)
print(co.co_varnames)
print(co.co_cellvars, co.co_freevars, co.co_nlocals)
print(co.co_firstlineno, type(co.co_code).__name__, type(co).__name__)
inner = sample(1, 2, 3, d=4)
print(inner.__code__.co_freevars, inner.__code__.co_name, inner.__code__.co_qualname)
def gen():
    yield 1
flags = gen.__code__.co_flags
print(bool(flags & 0x20), bool(co.co_flags & 0x04), bool(co.co_flags & 0x08), bool(sample.__code__.co_flags & 0x20))
print((lambda x, y=1: x).__code__.co_varnames, (lambda: 0).__code__.co_argcount)
print("sample" in co.co_filename or co.co_filename.endswith(".py"))
c2 = co.replace(co_name="renamed")
print(c2.co_name, co.co_name, c2 is not co)
code = compile("x = 1\ny = x + 1", "<compiled>", "exec")
print(code.co_filename, code.co_name, code.co_firstlineno, sorted(code.co_names))
print(compile("1 + 2", "<e>", "eval").co_name, "co_consts" in dir(co))
