"""Reference side of protopy's AST conformance track (conformance/src/ast_track/).

Run by the reference CPython 3.14. Reads file paths, one per line, from stdin; for each file writes
one JSON line to stdout: {"path", "ok": true, "dump", "dump_attrs"} when CPython accepts the file,
or {"path", "ok": false, "error": {"type", "msg", "lineno", "offset", "end_lineno", "end_offset"}}
when it rejects it. "dump" is ast.dump(tree); "dump_attrs" is ast.dump(tree, include_attributes=True).
"""

import ast
import json
import sys


def clean(text):
    """A str that survives UTF-8 encoding (lone surrogates become backslash escapes)."""
    if text is None:
        return None
    return str(text).encode("utf-8", "backslashreplace").decode("utf-8")


def describe(path):
    try:
        with open(path, "rb") as f:
            source = f.read()
    except OSError as e:
        return {"path": path, "ok": False, "io_error": clean(e)}
    try:
        tree = compile(source, path, "exec", ast.PyCF_ONLY_AST)
    except SyntaxError as e:
        error = {
            "type": type(e).__name__,
            "msg": clean(e.msg),
            "lineno": e.lineno,
            "offset": e.offset,
            "end_lineno": e.end_lineno,
            "end_offset": e.end_offset,
        }
        return {"path": path, "ok": False, "error": error}
    except (ValueError, MemoryError, RecursionError) as e:
        error = {"type": type(e).__name__, "msg": clean(e), "lineno": None, "offset": None,
                 "end_lineno": None, "end_offset": None}
        return {"path": path, "ok": False, "error": error}
    return {
        "path": path,
        "ok": True,
        "dump": clean(ast.dump(tree)),
        "dump_attrs": clean(ast.dump(tree, include_attributes=True)),
    }


def main():
    out = sys.stdout
    for line in sys.stdin:
        path = line.rstrip("\n")
        if not path:
            continue
        out.write(json.dumps(describe(path), ensure_ascii=True))
        out.write("\n")
        out.flush()


if __name__ == "__main__":
    main()
