# Docstrings and signatures of builtins, native classmethods, and keywords refused by
# positional-only builtins.
print(len.__doc__, "|", len.__text_signature__)
print(print.__text_signature__, abs.__text_signature__)
print("__doc__" in object.__dict__, "__doc__" in dir(int), "__doc__" in vars(dict))
class Plain:
    pass
print(Plain.__doc__, Plain().__doc__, "__doc__" in Plain.__dict__)
fromkeys = dict.__dict__["fromkeys"]
print(type(fromkeys).__name__, fromkeys, fromkeys.__name__, fromkeys.__qualname__)
print(fromkeys.__objclass__ is dict, fromkeys.__get__(None, dict)([1, 2]), fromkeys(dict, "ab"))
print(isinstance(fromkeys, classmethod), dict.fromkeys("x", 0), {}.fromkeys("y"))
for call in ("len(obj=[])", "abs(x=1)", "[].append(object=1)", "'a'.upper(x=1)",
             "dict.fromkeys(iterable=())", "divmod(a=1, b=2)", "(1).bit_length(x=1)",
             "isinstance(obj=1, class_or_tuple=int)", "round(1.5, nd=1)", "(1).__add__(other=2)",
             "int.__add__(1, other=2)", "[].__len__(x=1)", "object().__eq__(value=1)"):
    try:
        eval(call)
    except TypeError as e:
        print(call, "->", e)
