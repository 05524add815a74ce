# All combinations of try/except/else/finally.
def run(action):
    log = []
    try:
        log.append("try")
        if action == "raise":
            raise ValueError("v")
        if action == "other":
            raise KeyError("k")
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log

print(run("ok"))
print(run("raise"))
try:
    run("other")
except KeyError as e:
    print("escaped", repr(e))

def try_finally_only():
    try:
        return "from try"
    finally:
        print("finally before return")
print(try_finally_only())

def else_raises():
    try:
        pass
    except Exception:
        print("not here: else is not protected")
    else:
        raise RuntimeError("from else")
try:
    else_raises()
except RuntimeError as e:
    print("else raised", e)

def finally_raises():
    try:
        raise ValueError("original")
    finally:
        raise TypeError("from finally")
try:
    finally_raises()
except TypeError as e:
    print(repr(e), "context:", repr(e.__context__))
