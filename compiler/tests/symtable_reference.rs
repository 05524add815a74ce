//! Symbol tables compared with CPython 3.14's `symtable` module, live: every case below and (in
//! the ignored test) every file of the reference `Lib/` is analyzed by protopy and by the
//! reference interpreter, and the dumps (scopes, symbols and their scopes) must be equal.
//! Skipped when no reference interpreter is found (`PROTOPY_REFERENCE`, the cache of
//! `cargo xtask reference`, or /tmp/ref/pyw).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod codegen_support;

use std::io::Write;
use std::path::{Path, PathBuf};

use codegen_support::{collect_py, reference};
use std::process::{Command, Stdio};

/// Prints, for each source read from stdin (separated by NUL bytes), the dump of
/// `SymbolTable::dump` or `ERROR msg line col` (col 0-based in bytes is not available from
/// CPython, so the 1-based character offset is printed and compared only for ASCII lines).
const DUMP_SCRIPT: &str = r#"
import symtable, sys
SCOPES = {1: "LOCAL", 2: "GLOBAL_EXPLICIT", 3: "GLOBAL_IMPLICIT", 4: "FREE", 5: "CELL"}
def dump(t, d, out):
    syms = "".join(f" {s.get_name()}={SCOPES.get(s._Symbol__scope, '?')}" for s in t.get_symbols())
    out.append(f"{'  ' * d}{t.get_type()} {t.get_name()}:{syms}")
    for c in t.get_children():
        dump(c, d + 1, out)
data = sys.stdin.buffer.read().split(b"\0")
res = []
for src in data:
    try:
        out = []
        dump(symtable.symtable(src.decode("utf-8", "surrogateescape"), "<s>", "exec"), 0, out)
        res.append("\n".join(out) + "\n")
    except SyntaxError as e:
        res.append(f"ERROR {e.msg} {e.lineno}\n")
    except Exception as e:
        res.append(f"CRASH {type(e).__name__}\n")
sys.stdout.write("\0".join(res))
"#;

fn reference_dumps(python: &Path, sources: &[String]) -> Option<Vec<String>> {
    let mut child = Command::new(python)
        .args(["-I", "-c", DUMP_SCRIPT])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .ok()?;
    let input = sources.join("\0");
    let mut stdin = child.stdin.take()?;
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().ok()?;
    writer.join().ok()?.ok()?;
    Some(
        String::from_utf8_lossy(&out.stdout)
            .split('\0')
            .map(str::to_string)
            .collect(),
    )
}

/// Symbols in each line sorted: CPython adds names passed through from children in hash-set
/// order, which varies from run to run.
fn normalized(dump: &str) -> String {
    dump.lines()
        .map(|line| match line.split_once(':') {
            Some((head, syms)) => {
                let mut parts: Vec<&str> = syms.split_whitespace().collect();
                parts.sort_unstable();
                format!("{head}: {}", parts.join(" "))
            }
            None => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn protopy_dump(src: &str) -> String {
    let module = match protopy_compiler::parse_module(src) {
        Ok(m) => m,
        Err(e) => return format!("ERROR {} {}\n", e.msg, e.lineno),
    };
    match protopy_compiler::symtable::build(&module, src) {
        Ok(t) => t.dump(),
        Err(e) => format!("ERROR {} {}\n", e.msg, e.lineno),
    }
}

const CASES: &[&str] = &[
    "x = 1\ndef f(a, *b, c=1, **d):\n    global g\n    y = a\n    def h(): nonlocal y; return y + z\n    return [y for y in b if (w := y)]\nclass C:\n    def m(self): return super().m()\n    z = [q for q in range(3)]\n",
    "def outer():\n    x = 1\n    class K:\n        x = 2\n        def m(self): return x\n        y = [x for _ in range(3)]\n    return K\n",
    "class A:\n    __p = 1\n    def __m(self, __a): return self.__p + __a\n    x: int = 1\n    if c:\n        y: str\n",
    "def g():\n    v = 0\n    h = [lambda: v + i for i in range(3)]\n    return (i * v for i in h)\n",
    "z: int = 3\ndef f(x: int, *, y: 's' = 2) -> list[int]:\n    return x\nlambda q, *r: q + r\n",
    "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n        return [x for x in range(3)]\n    return g\n",
    "class C:\n    def f(self):\n        def g(): return __class__\n        return g\n",
    "def gen():\n    yield 1\n    x = yield from range(3)\n    return x\n",
    "try:\n    pass\nexcept E as e:\n    del e\nimport a.b.c, d as e2\nfrom m import (p, q as r)\nwith open(f) as (a1, b1): pass\nfor i, *j in k: pass\n",
    "class C:\n    [__class__ for a in b]\n    def f(self): return [__class__ for a in self]\n",
    "def f():\n    return [[y := x for x in r] for r in s], y\n",
    "x = [(a := i) for i in range(3)]\nclass D:\n    def m(self):\n        return [[self for _ in a] for a in self]\n",
    "def f(a):\n    class C:\n        nonlocal a\n        a = 1\n        def g(self): return a\n    return C\n",
    "class C:\n    x: int\n    def f(self, y: x) -> 'C': pass\n    class D:\n        z: x = 1\n",
    "def f():\n    class C:\n        global q\n        def g(self): return q + r\n        r = 1\n",
    "from __future__ import annotations\nclass C:\n    x: Foo\ndef f(a: Bar) -> Baz: pass\n",
    "def f(x):\n    def g():\n        return [x for y in x for x in y]\n    return g\n",
    "def f():\n    y = 1\n    return {k: [lambda: k + v + y for _ in ()] for k, v in d}\n",
    "def f():\n    nonlocal x\n",
    "nonlocal x\n",
    "def f(a, a): pass\n",
    "def f():\n    print(x)\n    global x\n",
    "[i := 0 for i in x]\n",
    "class C:\n    [y := 0 for i in x]\n",
    "[x for x in (y := [])]\n",
    "def f(x: (yield)): pass\n",
    "def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n",
    "def f():\n    import x\n    global x\n",
    "[(yield) for x in y]\n",
    "def f():\n    y = 1\n    nonlocal y\n",
    "class C:\n    def f(self):\n        super = 1\n        return super\n    def g(self): return lambda: super()\n",
    "def f():\n    if x:\n        v: int = 1\n    w: int\n",
    "class C:\n    if a:\n        x: int\n    y: int\n",
    "def f[T: int = str](a=1, *, b=2) -> T: pass\nclass C[T](B, metaclass=M): x: T\ntype Y[Q] = list[Q]\n",
    "class K:\n    X = 1\n    def m[T: X](self, a: T) -> X: pass\n    type A[U = X] = dict[U, X]\n    class D[*Ts, **P]: pass\n",
    "def f():\n    y = 1\n    def g[T](a: T = y): return T, y\n    type L = [y for _ in ()]\n    return g, L\n",
    "def f[T, T](): pass\n",
    "def f[__classdict__](): pass\n",
    "type X = (yield)\n",
    "def f[T: (x := 1)](): pass\n",
    "class C[T]:\n    type Y[T] = [(z := 1) for _ in T]\n",
];

#[test]
fn cases_match_the_reference() {
    let Some(python) = reference() else {
        eprintln!("no reference interpreter: skipped");
        return;
    };
    let sources: Vec<String> = CASES.iter().map(|s| s.to_string()).collect();
    let Some(expected) = reference_dumps(&python, &sources) else {
        eprintln!("the reference interpreter did not run: skipped");
        return;
    };
    let mut failures = Vec::new();
    for (src, want) in sources.iter().zip(&expected) {
        let got = protopy_dump(src);
        if normalized(&got) != normalized(want) {
            failures.push(format!(
                "--- source:\n{src}--- reference:\n{want}--- protopy:\n{got}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

/// Every file of the reference `Lib/` that parses: `cargo test -p protopy-compiler --release
/// --test symtable_reference -- --ignored --nocapture`.
#[test]
#[ignore]
fn whole_lib_matches_the_reference() {
    let Some(python) = reference() else {
        eprintln!("no reference interpreter: skipped");
        return;
    };
    let lib = std::env::var_os("PROTOPY_STDLIB")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let p = python
                .to_string_lossy()
                .replace("/bin/python3.14", "/root/usr/lib/python3.14");
            if Path::new(&p).is_dir() {
                PathBuf::from(p)
            } else {
                PathBuf::from("/tmp/ref/root/usr/lib/python3.14")
            }
        });
    let mut files = Vec::new();
    collect_py(&lib, &mut files);
    files.sort();
    let mut sources = Vec::new();
    let mut names = Vec::new();
    for f in &files {
        let Ok(bytes) = std::fs::read(f) else {
            continue;
        };
        let Ok(text) = protopy_compiler::source::decode_source(&bytes) else {
            continue;
        };
        if protopy_compiler::parse_module(&text).is_err() || text.contains('\0') {
            continue;
        }
        sources.push(text);
        names.push(f.clone());
    }
    let mut mismatched = Vec::new();
    for (chunk, chunk_names) in sources.chunks(200).zip(names.chunks(200)) {
        let Some(expected) = reference_dumps(&python, chunk) else {
            panic!("reference failed")
        };
        for ((src, want), name) in chunk.iter().zip(&expected).zip(chunk_names) {
            let (got, want) = (normalized(&protopy_dump(src)), normalized(want));
            if got != want && !got.contains("protopy cannot compile") {
                let first = got.lines().zip(want.lines()).find(|(g, w)| g != w);
                let detail = first.map_or_else(String::new, |(g, w)| {
                    format!("\n    ref: {w}\n    got: {g}")
                });
                mismatched.push(format!("{}{detail}", name.display()));
            }
        }
    }
    println!(
        "{} files compared, {} differ",
        sources.len(),
        mismatched.len()
    );
    for m in mismatched.iter().take(60) {
        println!("  {m}");
    }
    assert!(mismatched.is_empty());
}
