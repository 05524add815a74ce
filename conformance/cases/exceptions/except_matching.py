# except clauses match by class hierarchy, tuples, order, and bare except.
def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return "lookup subclass " + type(e).__name__
    except LookupError:
        return "other lookup"
    except ArithmeticError as e:
        return "arith " + type(e).__name__
    except Exception:
        return "generic"
    except:
        return "bare except"

for exc in (KeyError, IndexError("i"), LookupError(), ZeroDivisionError(),
            OverflowError, ValueError(), KeyboardInterrupt(), SystemExit(3)):
    print(classify(exc))

try:
    try:
        raise ValueError
    except 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)

errors = (TypeError, ValueError)
try:
    int("x")
except errors as e:
    print("matched via variable tuple:", type(e).__name__)

try:
    raise KeyboardInterrupt
except Exception:
    print("not here")
except BaseException as e:
    print("BaseException caught", type(e).__name__)
