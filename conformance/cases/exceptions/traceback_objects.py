# __traceback__ objects: tb_lineno, tb_next, tb_frame.
def level3():
    raise ValueError("deep")
def level2():
    level3()
def level1():
    level2()

try:
    level1()
except ValueError as e:
    tb = e.__traceback__
    while tb is not None:
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno, type(tb).__name__)
        tb = tb.tb_next

try:
    raise KeyError("here")
except KeyError as e:
    print(e.__traceback__.tb_lineno, e.__traceback__.tb_next)

e = ValueError("fresh")
print(e.__traceback__)
try:
    raise e
except ValueError:
    pass
print(e.__traceback__.tb_lineno)
try:
    try:
        raise e
    except ValueError as again:
        print(again.__traceback__.tb_lineno, again.__traceback__.tb_next.tb_lineno if again.__traceback__.tb_next else None)
except ValueError:
    pass
e2 = RuntimeError("x").with_traceback(None)
print(e2.__traceback__)
try:
    e.__traceback__ = "bad"
except TypeError as ex:
    print(type(ex).__name__, ex)
