//! Scope classification of tricky programs, compared with what CPython 3.14's `symtable` module
//! reports for them: the expected dumps below were recorded from the reference interpreter
//! (`tests/symtable_reference.rs` checks many more programs, and all of `Lib/`, live).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::{build, mangle, SymbolScope};

/// Symbols sorted within each line: CPython lists names passed through from children in
/// hash-set order.
fn normalized(dump: &str) -> String {
    dump.trim()
        .lines()
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

fn dump(src: &str) -> String {
    let module = crate::parse_module(src).expect("test source parses");
    match build(&module, src) {
        Ok(t) => t.dump(),
        Err(e) => format!("error: {} ({}:{})", e.msg, e.lineno, e.col),
    }
}

fn check(src: &str, want: &str) {
    assert_eq!(normalized(&dump(src)), normalized(want), "{src}");
}

#[test]
fn mangling_follows_cpython() {
    assert_eq!(mangle(Some("C"), "__x"), "_C__x");
    assert_eq!(mangle(Some("_C"), "__x"), "_C__x");
    assert_eq!(mangle(Some("__"), "__x"), "__x");
    assert_eq!(mangle(Some("C"), "__x__"), "__x__");
    assert_eq!(mangle(Some("C"), "__a.b"), "__a.b");
    assert_eq!(mangle(None, "__x"), "__x");
}

#[test]
fn scope_queries() {
    let src = "def f():\n    x = 1\n    def g(): return x\n";
    let module = crate::parse_module(src).unwrap();
    let t = build(&module, src).unwrap();
    let f = t.scopes.iter().find(|s| s.name == "f").unwrap();
    assert_eq!(f.scope_of("x"), Some(SymbolScope::Cell));
    assert_eq!(f.cellvars(), vec!["x".to_string()]);
    let g = t.scopes.iter().find(|s| s.name == "g").unwrap();
    assert_eq!(g.freevars(), vec!["x".to_string()]);
    assert!(g.nested && g.has_free);
}

#[test]
fn errors_are_positioned() {
    assert_eq!(
        dump("def f(a, a): pass\n"),
        "error: duplicate argument 'a' in function definition (1:9)"
    );
    assert_eq!(
        dump("nonlocal x\n"),
        "error: nonlocal declaration not allowed at module level (1:0)"
    );
    assert_eq!(
        dump("def f():\n    x = 1\n    global x\n"),
        "error: name 'x' is assigned to before global declaration (3:4)"
    );
    assert_eq!(
        dump("[i := 0 for i in x]\n"),
        "error: assignment expression cannot rebind comprehension iteration variable 'i' (1:1)"
    );
}

#[test]
fn closures_cells_and_globals() {
    check(
        "x = 1\ndef f(a, *b, c=1, **d):\n    global g\n    y = a\n    def h(): nonlocal y; return y + z\n    return [y for y in b if (w := y)]\n",
        r"
module top: x=LOCAL f=LOCAL g=GLOBAL_EXPLICIT
  annotation __annotate__: .format=LOCAL
  function f: a=LOCAL c=LOCAL b=LOCAL d=LOCAL g=GLOBAL_EXPLICIT y=CELL h=LOCAL w=LOCAL
    annotation __annotate__: .format=LOCAL
    function h: y=FREE z=GLOBAL_IMPLICIT
",
    );
}

#[test]
fn class_scope_is_skipped_by_methods() {
    check(
        "def outer():\n    x = 1\n    class K:\n        x = 2\n        def m(self): return x\n        y = [x for _ in range(3)]\n    return K\n",
        r"
module top: outer=LOCAL
  annotation __annotate__: .format=LOCAL
  function outer: x=CELL K=LOCAL
    class K: x=LOCAL m=LOCAL y=LOCAL range=GLOBAL_IMPLICIT _=LOCAL
      annotation __annotate__: .format=LOCAL __classdict__=FREE
      function m: self=LOCAL x=FREE
",
    );
}

#[test]
fn private_names_are_mangled() {
    check(
        "class A:\n    __p = 1\n    def __m(self, __a): return self.__p + __a\n",
        r"
module top: A=LOCAL
  class A: _A__p=LOCAL _A__m=LOCAL
    annotation __annotate__: .format=LOCAL __classdict__=FREE
    function __m: self=LOCAL _A__a=LOCAL
",
    );
}

#[test]
fn inlined_comprehension_cells() {
    check(
        "def g():\n    v = 0\n    h = [lambda: v + i for i in range(3)]\n    return (i * v for i in h)\n",
        r"
module top: g=LOCAL
  annotation __annotate__: .format=LOCAL
  function g: v=CELL h=LOCAL range=GLOBAL_IMPLICIT i=CELL
    function lambda: v=FREE i=FREE
    function genexpr: .0=LOCAL i=LOCAL v=FREE
",
    );
}

#[test]
fn annotation_scopes() {
    check(
        "z: int = 3\ndef f(x: int, *, y: 's' = 2) -> list[int]:\n    return x\nclass C:\n    if c:\n        a: int\n    def m(self, p: a): pass\n",
        r"
module top: z=LOCAL __conditional_annotations__=GLOBAL_IMPLICIT f=LOCAL C=LOCAL
  annotation __annotate__: .format=LOCAL int=GLOBAL_IMPLICIT
  annotation __annotate__: .format=LOCAL int=GLOBAL_IMPLICIT list=GLOBAL_IMPLICIT
  function f: x=LOCAL y=LOCAL
  class C: c=GLOBAL_IMPLICIT a=LOCAL __conditional_annotations__=GLOBAL_IMPLICIT m=LOCAL
    annotation __annotate__: .format=LOCAL __classdict__=FREE int=GLOBAL_IMPLICIT
    annotation __annotate__: .format=LOCAL __classdict__=FREE a=GLOBAL_IMPLICIT
    function m: self=LOCAL p=LOCAL
",
    );
}

#[test]
fn super_and_class_cell() {
    check(
        "class C:\n    def f(self):\n        def g(): return __class__\n        return super().f() + g()\n",
        r"
module top: C=LOCAL
  class C: f=LOCAL
    annotation __annotate__: .format=LOCAL __classdict__=FREE
    function f: self=LOCAL g=LOCAL super=GLOBAL_IMPLICIT __class__=FREE
      annotation __annotate__: .format=LOCAL
      function g: __class__=FREE
",
    );
}

#[test]
fn walrus_binds_in_enclosing_function() {
    check(
        "def f():\n    return [[y := x for x in r] for r in s], y\n",
        r"
module top: f=LOCAL
  annotation __annotate__: .format=LOCAL
  function f: s=GLOBAL_IMPLICIT y=LOCAL r=LOCAL x=LOCAL
",
    );
}

#[test]
fn class_nonlocal_passes_through() {
    check(
        "def f(a):\n    class C:\n        nonlocal a\n        a = 1\n        def g(self): return a\n    return C\n",
        r"
module top: f=LOCAL
  annotation __annotate__: .format=LOCAL
  function f: a=CELL C=LOCAL
    class C: a=FREE g=LOCAL
      annotation __annotate__: .format=LOCAL __classdict__=FREE
      function g: self=LOCAL a=FREE
",
    );
}

#[test]
fn class_body_comprehension() {
    check(
        "class C:\n    [__class__ for a in b]\n    z = [x for a in y]\n    def f(self): return [__class__ for a in self]\n",
        r"
module top: C=LOCAL
  class C: b=GLOBAL_IMPLICIT z=LOCAL y=GLOBAL_IMPLICIT f=LOCAL a=LOCAL __class__=GLOBAL_IMPLICIT x=GLOBAL_IMPLICIT
    annotation __annotate__: .format=LOCAL __classdict__=FREE
    function f: self=LOCAL a=LOCAL __class__=FREE
",
    );
}

#[test]
fn future_annotations_make_no_scopes() {
    check(
        "from __future__ import annotations\nclass C:\n    x: Foo\ndef f(a: Bar) -> Baz: pass\n",
        r"
module top: annotations=LOCAL C=LOCAL f=LOCAL
  class C: x=LOCAL
  function f: a=LOCAL
",
    );
}
