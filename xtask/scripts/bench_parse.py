"""Reference side of `cargo xtask bench parse` (xtask/src/bench.rs).

Run by the reference CPython 3.14 as `python -c <this> PASSES`. Reads file paths, one per line,
from stdin; reads every file into memory; drops the files CPython rejects; then times PASSES
passes of compile(source, path, "exec", ast.PyCF_ONLY_AST) over the rest, each pass timed as a
whole inside the process (start-up and file reading excluded). Writes one JSON object to stdout.
"""

import ast
import json
import platform
import sys
import time


def main():
    passes = int(sys.argv[1])
    paths = [line.rstrip("\n") for line in sys.stdin if line.strip()]
    sources = []
    rejected = []
    for path in paths:
        with open(path, "rb") as f:
            source = f.read()
        try:
            compile(source, path, "exec", ast.PyCF_ONLY_AST)
        except (SyntaxError, ValueError):
            rejected.append(path)
            continue
        sources.append((path, source))
    times = []
    for _ in range(passes):
        start = time.perf_counter()
        for path, source in sources:
            compile(source, path, "exec", ast.PyCF_ONLY_AST)
        times.append(time.perf_counter() - start)
    result = {
        "version": platform.python_version(),
        "files": len(sources),
        "bytes": sum(len(source) for _, source in sources),
        "rejected": rejected,
        "times": times,
    }
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
