"""A small program for protopy: `protopy examples/hello.py` runs it; `protopy --dump-ast
examples/hello.py` prints its syntax tree exactly as CPython 3.14's `ast.dump` does."""


def greet(name: str, *, excited: bool = False) -> str:
    mark = "!" if excited else "."
    return f"Hello, {name}{mark}"


match greet("world", excited=True):
    case str(text) if text.endswith("!"):
        print(text)
    case _:
        print("quiet")
