def f(a, b):
    # type: (int, str) -> None
    pass
x = []  # type: list[int]
