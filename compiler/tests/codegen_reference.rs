//! Code objects compared with CPython 3.14's, live, for every file of the reference `Lib/`
//! that protopy compiles: each nested code object's qualified name, first line, argument
//! counts, flags, `co_varnames` (in order), `co_cellvars`, `co_freevars` and the set of
//! `co_names` must equal the reference's. The instructions themselves differ (CPython
//! specializes and folds constants) and are not compared here.
//!
//! `cargo test -p protopy-compiler --release --test codegen_reference -- --ignored --nocapture`

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod codegen_support;

use std::io::Write;
use std::path::Path;

use codegen_support::{collect_py, reference, stdlib};
use std::process::{Command, Stdio};

use protopy_compiler::bytecode::{flags, CodeObject, Const};

/// The flags both compilers must agree on.
const FLAG_MASK: u32 = flags::OPTIMIZED
    | flags::NEWLOCALS
    | flags::VARARGS
    | flags::VARKEYWORDS
    | flags::NESTED
    | flags::GENERATOR
    | flags::HAS_DOCSTRING
    | flags::METHOD;

const SCRIPT: &str = r#"
import sys, types
MASK = 0x1 | 0x2 | 0x4 | 0x8 | 0x10 | 0x20 | 0x4000000 | 0x8000000
def names(t):
    return "(" + ", ".join(t) + ")"
def walk(c, out):
    out.append(f"{c.co_qualname} L{c.co_firstlineno} a{c.co_argcount}/{c.co_posonlyargcount}/{c.co_kwonlyargcount} "
               f"f{c.co_flags & MASK:#x} v{names(c.co_varnames)} c{names(c.co_cellvars)} "
               f"fr{names(c.co_freevars)} n{names(sorted(set(c.co_names)))}")
    for k in c.co_consts:
        if isinstance(k, types.CodeType):
            walk(k, out)
res = []
for item in sys.stdin.buffer.read().split(b"\0"):
    name, _, src = item.partition(b"\n")
    try:
        out = []
        walk(compile(src, name.decode(), "exec", dont_inherit=True), out)
        res.append("\n".join(sorted(out)))
    except Exception as e:
        res.append(f"ERROR {type(e).__name__}")
sys.stdout.write("\0".join(res))
"#;

fn names(list: &[String]) -> String {
    format!("({})", list.join(", "))
}

fn walk(code: &CodeObject, out: &mut Vec<String>) {
    let mut sorted: Vec<&String> = code.names.iter().collect();
    sorted.sort();
    sorted.dedup();
    let sorted: Vec<String> = sorted.into_iter().cloned().collect();
    out.push(format!(
        "{} L{} a{}/{}/{} f{:#x} v{} c{} fr{} n{}",
        code.qualname,
        code.first_line,
        code.argcount,
        code.posonlyargcount,
        code.kwonlyargcount,
        code.flags & FLAG_MASK,
        names(&code.varnames),
        names(&code.cellvars),
        names(&code.freevars),
        names(&sorted)
    ));
    for c in &code.consts {
        if let Const::Code(inner) = c {
            walk(inner, out);
        }
    }
}

fn reference_dumps(python: &Path, items: &[(String, String)]) -> Option<Vec<String>> {
    let mut child = Command::new(python)
        .args(["-I", "-c", SCRIPT])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .ok()?;
    let input: Vec<String> = items.iter().map(|(n, s)| format!("{n}\n{s}")).collect();
    let input = input.join("\0");
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

#[test]
#[ignore]
fn code_objects_match_the_reference() {
    let Some(python) = reference() else {
        eprintln!("no reference interpreter: skipped");
        return;
    };
    let lib = stdlib(&python);
    let mut files = Vec::new();
    collect_py(&lib, &mut files);
    files.sort();
    let mut items = Vec::new();
    let mut ours = Vec::new();
    for f in &files {
        let Ok(bytes) = std::fs::read(f) else {
            continue;
        };
        let Ok(text) = protopy_compiler::source::decode_source(&bytes) else {
            continue;
        };
        if text.contains('\0') {
            continue;
        }
        let name = f.strip_prefix(&lib).unwrap_or(f).display().to_string();
        let Ok(code) = protopy_compiler::compile_module(&text, &name) else {
            continue;
        };
        let mut out = Vec::new();
        walk(&code, &mut out);
        out.sort();
        ours.push(out.join("\n"));
        items.push((name, text));
    }
    let mut differ = Vec::new();
    for (chunk, our_chunk) in items.chunks(100).zip(ours.chunks(100)) {
        let Some(theirs) = reference_dumps(&python, chunk) else {
            panic!("the reference failed")
        };
        for (((name, _), ours), theirs) in chunk.iter().zip(our_chunk).zip(&theirs) {
            if ours != theirs {
                let a: Vec<&str> = theirs.lines().collect();
                let b: Vec<&str> = ours.lines().collect();
                let only_ref: Vec<&&str> = a.iter().filter(|l| !b.contains(l)).take(2).collect();
                let only_us: Vec<&&str> = b.iter().filter(|l| !a.contains(l)).take(2).collect();
                differ.push(format!(
                    "{name}\n    ref: {only_ref:?}\n    got: {only_us:?}"
                ));
            }
        }
    }
    println!("{} files compared, {} differ", items.len(), differ.len());
    for d in differ.iter().take(50) {
        println!("  {d}");
    }
    assert!(differ.is_empty());
}
