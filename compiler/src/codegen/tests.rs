//! Code generation tests: disassembly snapshots of small programs, every construct of the
//! language compiled with a consistent stack (the assembler's flow analysis rejects any path
//! that underflows the stack or meets another with a different depth), and the flow analysis
//! itself rejecting broken sequences.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::assemble::assemble;
use super::unit::{Unit, UnitKind};
use crate::bytecode::{disassemble, CodeObject, Const, Flow, Opcode};

fn compile(src: &str) -> CodeObject {
    match crate::compile_module(src, "<test>") {
        Ok(code) => code,
        Err(e) => panic!("{src}\n-> {} ({}:{})", e.msg, e.lineno, e.col),
    }
}

fn dis(src: &str) -> String {
    match crate::compile_module(src, "<test>") {
        Ok(code) => disassemble(&code),
        Err(e) => format!("error: {} ({}:{})", e.msg, e.lineno, e.col),
    }
}

/// Every code object: no pseudo-instructions, jumps in range, handlers within the stack, and
/// no way to run off the end.
fn check_invariants(code: &CodeObject) {
    let n = code.instructions.len() as u32;
    assert_eq!(code.locations.len(), code.instructions.len());
    for i in &code.instructions {
        assert!(
            !i.op.is_pseudo(),
            "{}: pseudo-op {}",
            code.qualname,
            i.op.name()
        );
        if i.op.is_jump() {
            assert!(i.arg < n, "{}: jump out of range", code.qualname);
        }
    }
    for e in &code.exception_table {
        assert!(e.start < e.end && e.end <= n && e.target < n && e.depth <= code.max_stack_depth);
    }
    let last = code.instructions.last().expect("code is never empty");
    assert!(
        matches!(last.op.flow(), Flow::Exit | Flow::Jump),
        "{}: falls off the end",
        code.qualname
    );
    for c in &code.consts {
        if let Const::Code(inner) = c {
            check_invariants(inner);
        }
    }
}

/// One program with every construct protopy compiles.
const EVERYTHING: &str = r#"
"""Module docstring."""
from __future__ import division
import os, os.path as osp
from . import sibling
from .. import parent as p2
from collections import (OrderedDict as OD, deque)
from m import *
x: int = 1
y: "str"
(z): int = 2
obj.attr: int = 3
seq[0]: int
a = b = c = 1, 2
a, *rest, last = range(10)
[q, (r, s)] = 1, (2, 3)
obj.attr, seq[1:2], seq[::2], seq[i] = 1, 2, 3, 4
a += 1; obj.attr -= 2; seq[0] *= 3; seq[1:2] += [4]; seq[i, j] //= 5
del a, obj.attr, seq[0], seq[1:2], (b, [c])
v = -x + +x * ~x ** 2 / 3 // 4 % 5 @ m << 1 >> 2 & 3 | 4 ^ 5
w = not x and y or z if v else (lambda: 0)
cmp = a < b <= c == d != e > f >= g is h is not i in j not in k
if a < b < c: pass
t = (), (1,), (1, 2), [*a, *b], {*a, 1}, {**d, 'k': 1, **e}, {}, set()
s = f"{a!r:>{w}} {b=} {c:x} {d!s}{e!a}" + 'plain' + b'bytes'
sl = seq[:], seq[1:], seq[:2], seq[1:2:3], seq[::], seq[..., 1:2]
call = f(a, *args, k=1, **kw), f(*a), f(**k), f(a)(b)(c), o.m(1, x=2), o.m(*a), f(x for x in y)
big = f(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31)
comps = [i for i in a if i], {i for i in a}, {k: v for k, v in d.items()}, (i for i in a), [j for i in a for j in i if j]
nested = [[y for y in x] for x in z], [(lambda: i) for i in range(3)]
walrus = [(n := i) for i in range(3)], n
if (m := f()) is not None: print(m)
assert x, "msg"
assert y
while x:
    if y: break
    elif z: continue
    else: x -= 1
else:
    pass
for i, j in pairs:
    try:
        if i: continue
        break
    finally:
        print(i)
else:
    print('done')
try:
    pass
except ValueError:
    pass
except (TypeError, KeyError) as e:
    print(e)
except:
    raise
else:
    pass
finally:
    pass
try:
    if x: raise ValueError from None
except Exception as exc:
    if y: raise RuntimeError("x") from exc
with open(f) as fh, lock, open(g) as (h1, h2):
    pass
with a: 
    with b:
        pass
@decorator
@decorator.factory(1)
def func(a, b=1, /, c=2, *args, d, e=3, **kwargs) -> "ret":
    """Docstring."""
    global gx
    gx = a
    def inner():
        nonlocal b
        b += 1
        return b
    try:
        return inner()
    finally:
        del a
def gen(n):
    x = yield n
    y = yield from range(x)
    for i in range(n):
        try:
            yield i
        except GeneratorExit:
            return
    return y
class Base:
    pass
@deco
class Derived(Base, *more, metaclass=Meta, **opts):
    """Class docstring."""
    attr: int = 0
    if cond:
        conditional: str
    __private = 1
    def method(self, __arg: int) -> "Derived":
        self.x = self.__private
        return super().method(__arg) or __class__
    @staticmethod
    def static(): return [attr for attr in range(3)]
    class Inner:
        def m(self): return Derived
lam = lambda a, /, b=1, *c, d, e=2, **f: (a, b, c, d, e, f)
match lam:
    case 0 | 1.5 | "s" | None:
        pass
    case [first, *rest] if first:
        pass
    case (a, [b, _], *_):
        pass
    case {"k": v, **others}:
        pass
    case Derived(x, y=[z] as w):
        pass
    case other:
        pass
print(__debug__, ..., None, True, 1.5, 2j, 10**100, 'é')
async def coro(aiterable, manager):
    async with manager as m, manager:
        async for x in aiterable:
            if x:
                break
            await m
        else:
            return [y async for y in aiterable], {await z for z in m}
async def agen():
    yield (w async for w in agen())
"#;

#[test]
fn every_construct_compiles() {
    let code = compile(EVERYTHING);
    check_invariants(&code);
    let text = disassemble(&code);
    for op in [
        "CALL_FUNCTION_EX",
        "UNPACK_EX",
        "STORE_SLICE",
        "BINARY_SLICE",
        "SEND",
        "CLEANUP_THROW",
        "WITH_EXCEPT_START",
        "MATCH_SEQUENCE",
        "MATCH_MAPPING",
        "MATCH_KEYS",
        "MATCH_CLASS",
        "GET_AWAITABLE",
        "GET_AITER",
        "GET_ANEXT",
        "END_ASYNC_FOR",
        "INTRINSIC_ASYNC_GEN_WRAP",
    ] {
        assert!(text.contains(op), "{op} is never emitted");
    }
}

#[test]
fn unsupported_constructs_name_themselves() {
    let src = "try:\n    pass\nexcept* E:\n    pass\n";
    let err = crate::compile_module(src, "<test>").unwrap_err();
    assert_eq!(err.msg, "protopy cannot compile 'except*' clauses yet");
}

#[test]
fn stack_depths() {
    assert_eq!(compile("x = 1\n").max_stack_depth, 1);
    assert_eq!(compile("f(a, b, c)\n").max_stack_depth, 5);
    // `with`: exit, self, lasti, previous exception, lasti, exception, and a copy of the
    // previous exception in the handler's handler (CPython's `co_stacksize` is 7 too).
    assert_eq!(compile("with a: pass\n").max_stack_depth, 7);
}

fn unit_with(ops: &[(Opcode, u32)]) -> Unit<'static> {
    let mut u = Unit::new(None, UnitKind::Module, "<test>", "<test>".to_string(), 1);
    for &(op, arg) in ops {
        u.emit(op, arg);
    }
    u
}

#[test]
fn flow_analysis_rejects_broken_sequences() {
    let underflow = unit_with(&[(Opcode::POP_TOP, 0), (Opcode::RETURN_VALUE, 0)]);
    assert!(assemble(underflow, "<t>")
        .unwrap_err()
        .contains("underflow"));
    let off_the_end = unit_with(&[(Opcode::LOAD_SMALL_INT, 1), (Opcode::POP_TOP, 0)]);
    assert!(assemble(off_the_end, "<t>")
        .unwrap_err()
        .contains("off the end"));
    // Two paths meeting with different depths.
    let mut u = unit_with(&[(Opcode::LOAD_SMALL_INT, 1)]);
    let join = u.new_label();
    u.emit_jump(Opcode::POP_JUMP_IF_TRUE, join);
    u.emit(Opcode::LOAD_SMALL_INT, 2);
    u.bind(join);
    u.emit(Opcode::LOAD_SMALL_INT, 3);
    u.emit(Opcode::RETURN_VALUE, 0);
    assert!(assemble(u, "<t>").unwrap_err().contains("stack depth"));
}

#[test]
fn unreachable_code_and_its_constants_are_dropped() {
    let code = compile("def f():\n    return 1\n    x = 'dead'\n");
    let Const::Code(f) = &code.consts[0] else {
        panic!("no function")
    };
    assert_eq!(f.instructions.len(), 2);
    assert!(!f.consts.iter().any(|c| matches!(c, Const::Str(_))));
}

#[test]
fn docstrings_are_cleaned_and_first() {
    let code = compile("def f():\n    '''First.\n\n        Indented.\n    '''\n");
    let Const::Code(f) = &code.consts[0] else {
        panic!("no function")
    };
    assert_eq!(
        f.docstring().and_then(|d| d.as_str()),
        Some("First.\n\nIndented.\n")
    );
}

#[test]
fn future_annotations_are_strings() {
    let code = compile("from __future__ import annotations\nx: List[ int ] = 1\ndef f(a: 'x', b: int | None = 3) -> Foo: pass\n");
    let text = disassemble(&code);
    assert!(
        text.contains("LOAD_CONST                     3 ('List[int]')")
            || text.contains("'List[int]'")
    );
    assert!(
        text.contains("\"'x'\"")
            && text.contains("'int | None'")
            && text.contains("SETUP_ANNOTATIONS")
    );
}

macro_rules! snapshot {
    ($name:ident, $src:expr) => {
        #[test]
        fn $name() {
            insta::assert_snapshot!(dis($src));
        }
    };
}

snapshot!(
    snapshot_assignments,
    "a, *b, c = x\nobj.y += 1\ns[1:2] = t\ndel s[i]\n"
);
snapshot!(
    snapshot_calls,
    "f(a, *b, c=1, **d)\no.m(1, k=2)\nf(*a)\ng(**k)\n"
);
snapshot!(
    snapshot_boolean_jumps,
    "if a and (b or not c): x()\ny = a if b else c\nz = a < b < c\n"
);
snapshot!(
    snapshot_loops,
    "for i in r:\n    if i: break\n    continue\nelse:\n    e()\nwhile w:\n    pass\n"
);
snapshot!(snapshot_try, "try:\n    a()\nexcept E as e:\n    b(e)\nexcept:\n    c()\nelse:\n    d()\nfinally:\n    g()\n");
snapshot!(
    snapshot_with,
    "def f():\n    with a as b, c:\n        return d()\n"
);
snapshot!(
    snapshot_generator,
    "def f(x):\n    y = yield x\n    z = yield from y\n    return z\n"
);
snapshot!(
    snapshot_comprehensions,
    "def f(x):\n    return [a for a in x if a], (b for b in x), {k: v for k, v in x}\n"
);
snapshot!(snapshot_class, "class C(B, metaclass=M):\n    '''Doc.'''\n    x: int = 1\n    def m(self):\n        self.y = 2\n        return super().m()\n");
snapshot!(snapshot_closures, "def outer(a, b=1, *, c=2):\n    def inner(d: int) -> int:\n        nonlocal a\n        a += d\n        return a + b\n    return inner\n");
snapshot!(snapshot_fstrings, "s = f'{a!r:>{w}} {b=} {c:x}'\n");
snapshot!(
    snapshot_imports,
    "import a.b.c\nimport a.b as ab\nfrom . import x\nfrom ..m import y as z, w\nfrom m import *\n"
);
snapshot!(
    snapshot_module_annotations,
    "x: int = 1\nif c:\n    y: str\n"
);
snapshot!(snapshot_return_through_finally, "def f():\n    for x in y:\n        try:\n            return g(x)\n        finally:\n            h()\n");

/// Development aid: `PROTOPY_DIS_FILE=x.py cargo test -p protopy-compiler --lib dis_file --
/// --ignored --nocapture` prints the disassembly of a file.
#[test]
#[ignore]
fn dis_file() {
    let Some(path) = std::env::var_os("PROTOPY_DIS_FILE") else {
        return;
    };
    let bytes = std::fs::read(path).unwrap_or_default();
    let src = crate::source::decode_source(&bytes).unwrap_or_default();
    println!("{}", dis(&src));
}
