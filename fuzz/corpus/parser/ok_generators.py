def gen():
    yield
    yield 1
    x = yield 2
    yield from other()
    return 3
