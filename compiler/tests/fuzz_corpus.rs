//! Replays the fuzz seeds (`fuzz/corpus/*/`) and the saved fuzzer crashes (`fuzz/regressions/*/`)
//! through the parser and the tokenizer on the stable toolchain: every input must come back
//! without a panic, and the seeds named `ok_*.py` (valid Python, checked against CPython 3.14 when
//! they were written) must parse.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use protopy_compiler::text::LineIndex;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};

/// The stack the replay runs on: the size of a main thread's, where the fuzzer runs its inputs.
const STACK: usize = 8 << 20;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz")
}

/// Every file directly inside `<fuzz>/<kind>/*/`, sorted.
fn inputs(kind: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(dirs) = std::fs::read_dir(fuzz_dir().join(kind)) else {
        return out;
    };
    for dir in dirs.flatten().map(|e| e.path()).filter(|p| p.is_dir()) {
        let files = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
        out.extend(files.flatten().map(|e| e.path()).filter(|p| p.is_file()));
    }
    out.sort();
    out
}

/// What the tokenizer fuzz target does with its input.
fn tokenize_lossy(data: &[u8]) {
    let text = String::from_utf8_lossy(data)
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    let tokens = protopy_compiler::tokenizer::tokenize(&text, &LineIndex::new(&text));
    for t in &tokens.tokens {
        let (start, end) = (t.range.start as usize, t.range.end as usize);
        assert!(
            start <= end && end <= text.len(),
            "token {t:?} outside the source (length {})",
            text.len()
        );
        assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "token {t:?} splits a character"
        );
    }
}

/// Runs `f` over every input on a thread with [`STACK`]; returns "path: what went wrong" lines.
fn replay(files: Vec<PathBuf>, f: fn(&Path, &[u8]) -> Option<String>) -> Vec<String> {
    std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || {
            let mut failures = Vec::new();
            for path in &files {
                let data = std::fs::read(path)
                    .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
                match panic::catch_unwind(AssertUnwindSafe(|| f(path, &data))) {
                    Ok(None) => {}
                    Ok(Some(problem)) => failures.push(format!("{}: {problem}", path.display())),
                    Err(_) => {
                        failures.push(format!("{}: panicked (message above)", path.display()))
                    }
                }
            }
            failures
        })
        .expect("cannot start the replay thread")
        .join()
        .expect("the replay thread died")
}

#[test]
fn the_seed_corpus_is_there() {
    let seeds = inputs("corpus");
    let parser_seeds: Vec<&PathBuf> = seeds
        .iter()
        .filter(|p| p.parent().is_some_and(|d| d.ends_with("parser")))
        .collect();
    let named = |prefix: &str| {
        parser_seeds
            .iter()
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(prefix))
            })
            .count()
    };
    assert!(
        named("ok_") >= 50,
        "expected at least 50 valid seeds in fuzz/corpus/parser, found {}",
        named("ok_")
    );
    assert!(
        named("err_") >= 20,
        "expected at least 20 invalid seeds in fuzz/corpus/parser, found {}",
        named("err_")
    );
}

#[test]
fn every_input_comes_back_from_the_parser() {
    let mut files = inputs("corpus");
    files.extend(inputs("regressions"));
    let failures = replay(files, |_, data| {
        let _ = protopy_compiler::parse_module_bytes(data);
        None
    });
    assert!(
        failures.is_empty(),
        "{} input(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_input_comes_back_from_the_tokenizer() {
    let mut files = inputs("corpus");
    files.extend(inputs("regressions"));
    let failures = replay(files, |_, data| {
        tokenize_lossy(data);
        None
    });
    assert!(
        failures.is_empty(),
        "{} input(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn valid_seeds_parse() {
    let seeds: Vec<PathBuf> = inputs("corpus")
        .into_iter()
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("ok_"))
        })
        .collect();
    assert!(!seeds.is_empty());
    let failures = replay(seeds, |_, data| {
        protopy_compiler::parse_module_bytes(data)
            .err()
            .map(|e| e.to_string())
    });
    assert!(
        failures.is_empty(),
        "{} valid seed(s) rejected:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn invalid_seeds_are_rejected() {
    let seeds: Vec<PathBuf> = inputs("corpus")
        .into_iter()
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("err_"))
        })
        .collect();
    assert!(!seeds.is_empty());
    let failures = replay(seeds, |_, data| {
        protopy_compiler::parse_module_bytes(data)
            .is_ok()
            .then(|| "accepted".to_string())
    });
    assert!(
        failures.is_empty(),
        "{} invalid seed(s) accepted:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
