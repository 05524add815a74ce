# return/break/continue inside finally (PEP 765 SyntaxWarning, compiled via exec).
src = '''
def f():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"

def g():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return i

def h():
    try:
        return "try value"
    finally:
        return "finally value"
'''
ns = {}
exec(compile(src, "<finally-src>", "exec"), ns)
print(ns["f"]())
print(ns["g"]())
print(ns["h"]())
print("the exception was swallowed by return/break in finally")
