# A chain of three exceptions mixing cause and context.
def step1():
    raise KeyError("missing")

def step2():
    try:
        step1()
    except KeyError as e:
        raise ValueError("bad value") from e

def step3():
    try:
        step2()
    except ValueError:
        raise RuntimeError("step3 failed")

print("start")
step3()
