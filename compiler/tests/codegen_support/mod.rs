//! Shared by the code generation tests: finding the reference interpreter and its `Lib/`,
//! running scripts on it, and (in `model_vm`) the model interpreter that executes protopy's
//! bytecode.

#![allow(dead_code)]

pub mod model_vm;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The reference CPython 3.14: `PROTOPY_REFERENCE`, the cache of `cargo xtask reference`, or
/// /tmp/ref/pyw.
pub fn reference() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PROTOPY_REFERENCE").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()?
        .to_path_buf();
    let cache =
        std::env::var_os("PROTOPY_CACHE").map_or_else(|| repo.join(".cache"), PathBuf::from);
    [
        cache.join("reference/bin/python3.14"),
        PathBuf::from("/tmp/ref/pyw"),
    ]
    .into_iter()
    .find(|p| p.exists())
}

/// Its standard library: `PROTOPY_STDLIB`, or the one unpacked beside the fetched reference.
pub fn stdlib(python: &Path) -> PathBuf {
    if let Some(p) = std::env::var_os("PROTOPY_STDLIB").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    let guess = python
        .to_string_lossy()
        .replace("/bin/python3.14", "/root/usr/lib/python3.14");
    if Path::new(&guess).is_dir() {
        PathBuf::from(guess)
    } else {
        PathBuf::from("/tmp/ref/root/usr/lib/python3.14")
    }
}

/// Every `.py` file under `dir`.
pub fn collect_py(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect_py(&p, out);
        } else if p.extension().is_some_and(|x| x == "py") {
            out.push(p);
        }
    }
}

/// Runs `inputs` (NUL-separated) through `script` on the reference interpreter.
pub fn run_reference(python: &Path, script: &str, inputs: &[String]) -> Vec<String> {
    let mut child = Command::new(python)
        .args(["-s", "-c", script])
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the reference runs");
    let input = inputs.join("\0");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().expect("the reference finishes");
    writer.join().expect("writer").expect("write");
    String::from_utf8_lossy(&out.stdout)
        .split('\0')
        .map(str::to_string)
        .collect()
}
