"""Compares protopy's syntax errors with CPython's on mutated standard-library sources.

Run with the reference CPython 3.14 (`cargo xtask reference` prints its path), after
`cargo build --release -p protopy-compiler --example errors`:

    python3.14 compiler/examples/error_mutations.py [COUNT] [SEED]

Each sample takes a file of the reference's Lib/, drops, doubles or inserts one character at a
seeded random place, and keeps the result if CPython rejects it. protopy's verdict (through
target/release/examples/errors) is compared with CPython's exception type, message, line and
1-based offset; the most common differences are listed.
"""
import ast
import collections
import json
import os
import random
import subprocess
import sys
import sysconfig
import tempfile
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
ERRORS_BIN = os.path.join(HERE, "..", "..", "target", "release", "examples", "errors")


def samples(count, seed, workdir):
    warnings.simplefilter("ignore")
    lib = sysconfig.get_path("stdlib")
    files = sorted(
        os.path.join(d, f) for d, _, fs in os.walk(lib) for f in fs
        if f.endswith(".py") and os.path.isfile(os.path.join(d, f)))
    rng = random.Random(seed)
    out = []
    while len(out) < count:
        try:
            with open(rng.choice(files), encoding="utf-8") as f:
                text = f.read()
        except (UnicodeDecodeError, OSError):
            continue
        if not 50 <= len(text) <= 200_000:
            continue
        pos = rng.randrange(len(text))
        kind = rng.choice(["delete", "dup", "insert"])
        if kind == "delete":
            new = text[:pos] + text[pos + 1:]
        elif kind == "dup":
            new = text[:pos] + text[pos] + text[pos:]
        else:
            new = text[:pos] + rng.choice("()[]{}:,.=+-*'\"#\\@ \t\nifx") + text[pos:]
        try:
            ast.parse(new)
            continue
        except (SyntaxError, ValueError, MemoryError) as e:
            expected = {"type": type(e).__name__, "msg": getattr(e, "msg", str(e)),
                        "lineno": getattr(e, "lineno", None), "offset": getattr(e, "offset", None)}
        path = os.path.join(workdir, f"{len(out):05}.py")
        with open(path, "w", encoding="utf-8") as f:
            f.write(new)
        out.append((path, expected))
    return out


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 20261124
    with tempfile.TemporaryDirectory() as workdir:
        cases = samples(count, seed, workdir)
        run = subprocess.run([ERRORS_BIN], input="\n".join(p for p, _ in cases),
                             capture_output=True, text=True, check=True)
        ours = {d["file"]: d for d in map(json.loads, run.stdout.splitlines())}
    accepted = same_msg = same_all = 0
    diffs = collections.Counter()
    for path, exp in cases:
        got = ours.get(path, {})
        if got.get("ok"):
            accepted += 1
            continue
        msg_ok = (got.get("type"), got.get("msg")) == (exp["type"], exp["msg"])
        all_ok = msg_ok and (got.get("lineno"), got.get("offset")) == (exp["lineno"], exp["offset"])
        same_msg += msg_ok
        same_all += all_ok
        if not all_ok:
            where = " (position)" if msg_ok else ""
            diffs[f"CPython {exp['type']}: {exp['msg'][:50]} | protopy {got.get('type')}: {str(got.get('msg'))[:50]}{where}"] += 1
    n = len(cases)
    print(f"{n} mutated sources that CPython rejects (seed {seed}): protopy accepts {accepted}; "
          f"same type and message {same_msg} ({100 * same_msg / n:.1f}%); "
          f"same type, message, line and offset {same_all} ({100 * same_all / n:.1f}%)")
    for text, k in diffs.most_common(15):
        print(f"{k:5}  {text}")


if __name__ == "__main__":
    main()
