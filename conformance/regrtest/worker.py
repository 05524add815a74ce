"""protopy's regrtest worker: runs one CPython test module case by case, one JSON line per event.

Written for protopy's conformance harness (conformance/src/regrtest/); it is not CPython's
regrtest. The same file runs under protopy and under the reference CPython 3.14:

    worker.py --module test_bool --records FILE [--start K] [--expect FILE] [--executable PATH]

It imports `test.<module>` from the interpreter's own Lib/test/, loads it with unittest (the
module's load_tests protocol included), and flattens it into cases in load order. The
expectations file (lines `xfail<TAB>id` and `skip<TAB>id<TAB>reason`, ids relative to the
module) is applied to the loaded case objects: an expected failure sets
`__unittest_expecting_failure__` on the case, a skip replaces its test method on the instance.
CPython's files are never edited.

Events, appended to the records file and flushed one line at a time so that the driver sees
each case announced before it runs:
    {"event": "hello", "implementation": ..., "version": ...}
    {"event": "loaded", "count": N, "ids": [...]}           ids relative to the module
    {"event": "start", "index": I, "id": ...}
    {"event": "end", "index": I, "id": ..., "outcome": ..., "duration": S, "error": ...}
    {"event": "import_error", "error": ...} | {"event": "import_skip", "reason": ...}
    {"event": "done"}
Outcomes: pass, fail, error, skip, xfail, xpass. When the process dies or hangs, the driver
records the announced case as crash or timeout and restarts the worker with --start I+1.

The worker avoids the json module and argparse on purpose: the less it needs, the earlier an
interpreter under construction can run it.
"""

import sys
import time

ERROR_LINE_MAX = 300


def quote(text):
    """A JSON string literal for text (any str; lone surrogates escaped)."""
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif code < 0x20 or 0xD800 <= code <= 0xDFFF or code == 0x7F:
            out.append("\\u%04x" % code)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def encode(value):
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(encode(v) for v in value) + "]"
    return quote(str(value))


class Records:
    """The records file: one JSON object per line, flushed as soon as it is written."""

    def __init__(self, path):
        self.file = open(path, "a", encoding="utf-8", errors="backslashreplace")

    def emit(self, event, **fields):
        parts = ['"event":' + quote(event)]
        for key, value in fields.items():
            parts.append(quote(key) + ":" + encode(value))
        self.file.write("{" + ",".join(parts) + "}\n")
        self.file.flush()


def error_line(exc_type, exc):
    """`Type: first line of the message`, as the last line of a traceback starts."""
    name = getattr(exc_type, "__qualname__", None) or getattr(exc_type, "__name__", "?")
    module = getattr(exc_type, "__module__", "builtins")
    if module not in ("builtins", "__main__", None):
        name = module + "." + name
    try:
        message = str(exc)
    except BaseException:
        message = "<exception str() failed>"
    first = message.strip().split("\n", 1)[0] if message else ""
    line = name + ": " + first if first else name
    return line[:ERROR_LINE_MAX]


def parse_args(argv):
    opts = {"start": "0", "expect": None, "executable": None}
    i = 0
    while i < len(argv):
        arg = argv[i]
        if not arg.startswith("--") or i + 1 >= len(argv):
            raise SystemExit("worker.py: bad arguments: " + " ".join(argv))
        opts[arg[2:]] = argv[i + 1]
        i += 2
    if "module" not in opts or "records" not in opts:
        raise SystemExit("worker.py: --module and --records are required")
    return opts


def read_expectations(path):
    xfail, skip = set(), {}
    if path is None:
        return xfail, skip
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if fields[0] == "xfail" and len(fields) >= 2:
                xfail.add(fields[1])
            elif fields[0] == "skip" and len(fields) >= 2:
                skip[fields[1]] = fields[2] if len(fields) > 2 else "skipped by the harness"
    return xfail, skip


def flatten(suite, into):
    """The cases of a suite in run order (nested suites expanded)."""
    if hasattr(suite, "_tests") and not hasattr(suite, "_testMethodName"):
        for test in suite:
            flatten(test, into)
    else:
        into.append(suite)
    return into


def relative_ids(cases, prefix):
    """Each case's id without the `test.<module>.` prefix; repeated ids get `#2`, `#3`, ..."""
    seen = {}
    ids = []
    for case in cases:
        try:
            full = case.id()
        except BaseException:
            full = type(case).__name__
        rel = full[len(prefix):] if full.startswith(prefix) else full
        n = seen.get(rel, 0) + 1
        seen[rel] = n
        ids.append(rel if n == 1 else rel + "#" + str(n))
    return ids


def skipper(reason):
    def skipped(*args, **kwargs):
        raise AssertionError("unreachable: unittest skips this method")

    skipped.__unittest_skip__ = True
    skipped.__unittest_skip_why__ = reason
    return skipped


def make_result_class(unittest, records, index_of):
    class RecordingResult(unittest.TestResult):
        """Announces each case before it runs and records its outcome when it stops."""

        def __init__(self):
            super().__init__()
            self.current = None
            self.fixture_error = None
            self.started = set()

        def startTest(self, test):
            super().startTest(test)
            index, rel = index_of.get(id(test), (-1, "?"))
            self.started.add(index)
            self.current = {"index": index, "id": rel, "outcome": None, "error": None,
                            "started": time.perf_counter(), "subtests_passed": 0,
                            "subtests_skipped": None}
            records.emit("start", index=index, id=rel)

        def set(self, outcome, error=None):
            cur = self.current
            if cur is None:
                return
            # A failure recorded first (by a subtest, say) is not overwritten by a later success.
            if cur["outcome"] in (None, "pass") or outcome in ("fail", "error"):
                if cur["outcome"] not in ("fail", "error"):
                    cur["outcome"] = outcome
                    cur["error"] = error

        def addSuccess(self, test):
            super().addSuccess(test)
            self.set("pass")

        def addFailure(self, test, err):
            super().addFailure(test, err)
            self.set("fail", error_line(err[0], err[1]))

        def addError(self, test, err):
            super().addError(test, err)
            if self.current is None or id(test) not in index_of:
                # A class or module fixture failed (setUpClass, tearDownModule, ...).
                self.fixture_error = str(test) + ": " + error_line(err[0], err[1])
                return
            self.set("error", error_line(err[0], err[1]))

        def addSkip(self, test, reason):
            super().addSkip(test, reason)
            if self.current is None:
                return
            if id(test) not in index_of:
                # A skipped subtest: unittest reports no success for its case afterwards.
                if id(getattr(test, "test_case", None)) in index_of:
                    self.current["subtests_skipped"] = "skipped: " + str(reason)[:ERROR_LINE_MAX]
                return
            self.set("skip", "skipped: " + str(reason)[:ERROR_LINE_MAX])

        def addExpectedFailure(self, test, err):
            super().addExpectedFailure(test, err)
            self.set("xfail", error_line(err[0], err[1]))

        def addUnexpectedSuccess(self, test):
            super().addUnexpectedSuccess(test)
            self.set("xpass")

        def addSubTest(self, test, subtest, err):
            super().addSubTest(test, subtest, err)
            if err is None and self.current is not None:
                self.current["subtests_passed"] += 1
            elif err is not None:
                failed = issubclass(err[0], test.failureException)
                self.set("fail" if failed else "error", error_line(err[0], err[1]))

        def stopTest(self, test):
            super().stopTest(test)
            cur = self.current
            self.current = None
            if cur is None:
                return
            outcome = cur["outcome"]
            error = cur["error"]
            if outcome is None and cur["subtests_skipped"] is not None:
                # Some subtests were skipped and none failed: it passed where it ran.
                if cur["subtests_passed"]:
                    outcome = "pass"
                else:
                    outcome, error = "skip", cur["subtests_skipped"]
            if outcome is None:
                outcome, error = "error", "the case recorded no outcome"
            records.emit("end", index=cur["index"], id=cur["id"], outcome=outcome,
                         duration=round(time.perf_counter() - cur["started"], 6), error=error)
            self.current = None

    return RecordingResult


def main(argv):
    opts = parse_args(argv)
    records = Records(opts["records"])
    module = opts["module"]
    start = int(opts["start"])
    if opts["executable"]:
        # The reference runs through a loader wrapper; subprocesses must use the wrapper too.
        sys.executable = opts["executable"]
        sys._base_executable = opts["executable"]
    impl = getattr(sys, "implementation", None)
    records.emit("hello", implementation=getattr(impl, "name", "?"),
                 version=sys.version.split()[0] if sys.version else "?")
    try:
        import unittest
    except BaseException as exc:
        # Reported as itself: the handlers below name `unittest.SkipTest`, which would raise
        # UnboundLocalError here and hide the cause.
        records.emit("import_error", error="importing unittest: " + error_line(type(exc), exc))
        return 0
    try:
        from test import support

        support.verbose = 0
        support.use_resources = {}
        name = "test." + module
        __import__(name)
        mod = sys.modules[name]
    except unittest.SkipTest as exc:
        records.emit("import_skip", reason=str(exc)[:ERROR_LINE_MAX])
        return 0
    except BaseException as exc:
        records.emit("import_error", error=error_line(type(exc), exc))
        return 0
    try:
        suite = unittest.TestLoader().loadTestsFromModule(mod)
        cases = flatten(suite, [])
    except unittest.SkipTest as exc:
        records.emit("import_skip", reason=str(exc)[:ERROR_LINE_MAX])
        return 0
    except BaseException as exc:
        records.emit("import_error", error="loading the tests: " + error_line(type(exc), exc))
        return 0
    ids = relative_ids(cases, "test." + module + ".")
    records.emit("loaded", count=len(ids), ids=ids)

    xfail, skip = read_expectations(opts["expect"])
    index_of = {}
    for index, (case, rel) in enumerate(zip(cases, ids)):
        index_of[id(case)] = (index, rel)
        method = getattr(case, "_testMethodName", None)
        if rel in skip and method:
            setattr(case, method, skipper(skip[rel]))
        elif rel in xfail:
            case.__unittest_expecting_failure__ = True

    result = make_result_class(unittest, records, index_of)()
    unittest.TestSuite(cases[start:]).run(result)
    # Cases a failed class or module fixture kept from running never started: record them.
    for index in range(start, len(cases)):
        if index not in result.started:
            records.emit("end", index=index, id=ids[index], outcome="error", duration=0.0,
                         error=result.fixture_error or "the case did not run")
    records.emit("done")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
