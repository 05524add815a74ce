//! Compiles every file of the reference CPython 3.14 `Lib/` that protopy parses, and sorts the
//! outcomes: compiled (with every code object's invariants checked), refused with a
//! "protopy cannot compile ... yet" error (by construct), any other error (a bug unless
//! CPython's `compile()` also rejects the file), or a panic (always a bug).
//!
//! `cargo test -p protopy-compiler --release --test codegen_lib -- --ignored --nocapture`
//! The library comes from `PROTOPY_STDLIB`, the cache of `cargo xtask reference`, or
//! /tmp/ref/root/usr/lib/python3.14.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod codegen_support;

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use codegen_support::collect_py;

use protopy_compiler::bytecode::{disassemble, CodeObject, Const, Flow};

fn stdlib() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PROTOPY_STDLIB").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()?
        .to_path_buf();
    let cache =
        std::env::var_os("PROTOPY_CACHE").map_or_else(|| repo.join(".cache"), PathBuf::from);
    [
        cache.join("reference/root/usr/lib/python3.14"),
        PathBuf::from("/tmp/ref/root/usr/lib/python3.14"),
    ]
    .into_iter()
    .find(|p| p.is_dir())
}

/// What every code object must satisfy; returns the first violation.
fn check(code: &CodeObject) -> Result<usize, String> {
    let n = code.instructions.len();
    if code.locations.len() != n {
        return Err(format!(
            "{}: {} locations for {n} instructions",
            code.qualname,
            code.locations.len()
        ));
    }
    for (i, instr) in code.instructions.iter().enumerate() {
        if instr.op.is_pseudo() {
            return Err(format!(
                "{}: pseudo-instruction {} at {i}",
                code.qualname,
                instr.op.name()
            ));
        }
        if matches!(instr.op.flow(), Flow::Jump | Flow::Branch) && instr.arg as usize >= n {
            return Err(format!("{}: jump out of range at {i}", code.qualname));
        }
    }
    for e in &code.exception_table {
        if e.start >= e.end
            || e.end as usize > n
            || e.target as usize >= n
            || e.depth > code.max_stack_depth
        {
            return Err(format!("{}: bad exception table row {e:?}", code.qualname));
        }
    }
    match code.instructions.last() {
        Some(last) if matches!(last.op.flow(), Flow::Exit | Flow::Jump) => {}
        _ => {
            return Err(format!(
                "{}: the last instruction can fall off the end",
                code.qualname
            ))
        }
    }
    let mut total = 1;
    for c in &code.consts {
        if let Const::Code(inner) = c {
            total += check(inner)?;
        }
    }
    Ok(total)
}

#[test]
#[ignore]
fn compile_whole_lib() {
    let Some(lib) = stdlib() else {
        eprintln!("no reference Lib/ found: skipped");
        return;
    };
    let mut files = Vec::new();
    collect_py(&lib, &mut files);
    files.sort();
    let (mut parsed, mut compiled, mut code_objects, mut instructions) = (0, 0, 0usize, 0usize);
    let mut unsupported: BTreeMap<String, usize> = BTreeMap::new();
    let mut other: Vec<String> = Vec::new();
    let mut panics: Vec<String> = Vec::new();
    let start = std::time::Instant::now();
    for path in &files {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let Ok(text) = protopy_compiler::source::decode_source(&bytes) else {
            continue;
        };
        if protopy_compiler::parse_module(&text).is_err() {
            continue;
        }
        parsed += 1;
        let name = path
            .strip_prefix(&lib)
            .unwrap_or(path)
            .display()
            .to_string();
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            protopy_compiler::compile_module(&text, &name).map(|code| {
                let checked = check(&code);
                let dis_len = disassemble(&code).len();
                (checked, count_instructions(&code), dis_len)
            })
        }));
        match outcome {
            Err(_) => panics.push(name),
            Ok(Ok((Ok(n), instrs, _))) => {
                compiled += 1;
                code_objects += n;
                instructions += instrs;
            }
            Ok(Ok((Err(violation), _, _))) => other.push(format!("{name}: invariant: {violation}")),
            Ok(Err(e)) if e.msg.starts_with("protopy cannot compile") => {
                let what = e
                    .msg
                    .trim_start_matches("protopy cannot compile ")
                    .trim_end_matches(" yet");
                *unsupported.entry(what.to_string()).or_default() += 1;
            }
            Ok(Err(e)) => other.push(format!("{name}:{}: {}", e.lineno, e.msg)),
        }
    }
    println!("Lib: {} files, {parsed} parse, {compiled} compile ({code_objects} code objects, {instructions} instructions) in {:.1}s", files.len(), start.elapsed().as_secs_f64());
    println!(
        "refused as not compiled yet: {}",
        unsupported.values().sum::<usize>()
    );
    for (what, n) in &unsupported {
        println!("  {n:5}  {what}");
    }
    println!("other errors: {}", other.len());
    for o in &other {
        println!("  {o}");
    }
    println!("panics: {}", panics.len());
    for p in &panics {
        println!("  {p}");
    }
    assert!(panics.is_empty(), "the compiler panicked");
}

fn count_instructions(code: &CodeObject) -> usize {
    code.instructions.len()
        + code
            .consts
            .iter()
            .map(|c| match c {
                Const::Code(inner) => count_instructions(inner),
                _ => 0,
            })
            .sum::<usize>()
}
