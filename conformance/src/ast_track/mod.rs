//! The AST track (ARCHITECTURE.md, "The conformance harness", track 1): every `.py` file of the
//! reference `Lib/` parsed by CPython (`ref_dump.py`, in parallel processes) and by protopy
//! (in-process, rayon across files), `ast.dump` compared file by file as the records stream in.

pub mod diff;
pub mod report;

use crate::reference::Reference;
use protopy_compiler::SyntaxError;
use rayon::iter::{ParallelBridge, ParallelIterator};
use report::{ErrorInfo, FileOutcome, Mismatch, MismatchKind, RejectedFile, Report, Verdict};
use serde::Deserialize;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The reference side, run by the reference interpreter with `-c`.
pub const REF_DUMP_PY: &str = include_str!("../../ast_track/ref_dump.py");

/// Stack size of the threads that run protopy's parser: deep nesting must reach its own
/// recursion limit, never overflow the thread's stack.
const PARSER_STACK: usize = 64 << 20;

/// A source file of the reference `Lib/`.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub path: PathBuf,
    /// The path relative to `Lib/`, with `/` separators: the name used in reports.
    pub rel: String,
    pub size: u64,
}

/// Every regular `.py` file under `stdlib` (symlinks to files followed, broken ones skipped,
/// third-party `site-packages`/`dist-packages` left out), sorted by relative path.
pub fn source_files(stdlib: &Path) -> Result<Vec<SourceFile>, String> {
    let mut files = Vec::new();
    let walk = walkdir::WalkDir::new(stdlib)
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            !(e.depth() == 1
                && e.file_type().is_dir()
                && (name == "site-packages" || name == "dist-packages"))
        });
    for entry in walk {
        let entry = entry.map_err(|e| format!("cannot walk {}: {e}", stdlib.display()))?;
        let path = entry.path();
        if path.extension().is_none_or(|x| x != "py") || entry.file_type().is_dir() {
            continue;
        }
        // Follows a symlink; a broken one has no metadata and is skipped.
        let Ok(meta) = std::fs::metadata(path) else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        let (Some(abs), Ok(rel)) = (path.to_str(), path.strip_prefix(stdlib)) else {
            continue;
        };
        if abs.contains('\n') {
            continue;
        }
        let rel = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        files.push(SourceFile {
            path: path.to_path_buf(),
            rel,
            size: meta.len(),
        });
    }
    files.sort_by(|a, b| a.rel.cmp(&b.rel));
    if files.is_empty() {
        return Err(format!("no .py files under {}", stdlib.display()));
    }
    Ok(files)
}

/// Splits files into `n` lists of about equal total size (largest first, each to the lightest list).
pub fn balance(files: &[SourceFile], n: usize) -> Vec<Vec<&SourceFile>> {
    let n = n.max(1);
    let mut order: Vec<&SourceFile> = files.iter().collect();
    order.sort_by(|a, b| b.size.cmp(&a.size).then(a.rel.cmp(&b.rel)));
    let mut lists: Vec<(u64, Vec<&SourceFile>)> = (0..n).map(|_| (0, Vec::new())).collect();
    for f in order {
        if let Some(lightest) = lists.iter_mut().min_by_key(|(size, _)| *size) {
            lightest.0 += f.size;
            lightest.1.push(f);
        }
    }
    lists
        .into_iter()
        .map(|(_, l)| l)
        .filter(|l| !l.is_empty())
        .collect()
}

/// One line of `ref_dump.py`'s output.
#[derive(Debug, Deserialize)]
struct RefRecord {
    path: String,
    ok: bool,
    dump: Option<String>,
    dump_attrs: Option<String>,
    error: Option<ErrorInfo>,
    io_error: Option<String>,
}

/// Runs the track over every file of the reference's `Lib/` with `jobs` reference processes and
/// `jobs` protopy threads.
pub fn run(reference: &Reference, jobs: usize) -> Result<Report, String> {
    let files = source_files(&reference.stdlib)?;
    run_files(reference, &files, jobs)
}

/// Runs the track over `files`.
pub fn run_files(
    reference: &Reference,
    files: &[SourceFile],
    jobs: usize,
) -> Result<Report, String> {
    let started = Instant::now();
    let jobs = jobs.max(1);
    let by_path: HashMap<&str, &SourceFile> = files
        .iter()
        .filter_map(|f| Some((f.path.to_str()?, f)))
        .collect();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .stack_size(PARSER_STACK)
        .build()
        .map_err(|e| format!("cannot start the thread pool: {e}"))?;

    let (tx, rx) = mpsc::sync_channel::<Result<RefRecord, String>>(jobs * 2);
    let mut children = Vec::new();
    let mut threads = Vec::new();
    for list in balance(files, jobs) {
        let mut child = Command::new(&reference.python)
            .args(["-I", "-S", "-X", "utf8", "-c", REF_DUMP_PY])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| {
                format!(
                    "cannot run the reference {}: {e}",
                    reference.python.display()
                )
            })?;
        let (Some(mut stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            return Err("the reference process has no pipes".to_string());
        };
        let paths: String = list
            .iter()
            .map(|f| format!("{}\n", f.path.display()))
            .collect();
        threads.push(std::thread::spawn(move || {
            // A write error means the process died; its missing records are reported below.
            let _ = stdin.write_all(paths.as_bytes());
        }));
        let tx = tx.clone();
        threads.push(std::thread::spawn(move || {
            for line in BufReader::with_capacity(1 << 20, stdout).lines() {
                let record = match line {
                    Ok(line) => serde_json::from_str::<RefRecord>(&line)
                        .map_err(|e| format!("bad reference record: {e}")),
                    Err(e) => Err(format!("cannot read the reference output: {e}")),
                };
                if tx.send(record).is_err() {
                    break;
                }
            }
        }));
        children.push(child);
    }
    drop(tx);

    let previous_hook = panic::take_hook();
    panic::set_hook(Box::new(record_panic));
    let results: Vec<(FileOutcome, Duration)> = pool.install(|| {
        rx.into_iter()
            .par_bridge()
            .map(|record| match record {
                Ok(record) => judge(record, &by_path),
                Err(e) => (
                    FileOutcome::HarnessError {
                        path: "<reference>".to_string(),
                        error: e,
                    },
                    Duration::ZERO,
                ),
            })
            .collect()
    });
    panic::set_hook(previous_hook);

    for t in threads {
        let _ = t.join();
    }
    let mut outcomes = Vec::with_capacity(files.len());
    for mut child in children {
        match child.wait() {
            Ok(status) if status.success() => {}
            Ok(status) => outcomes.push(FileOutcome::HarnessError {
                path: "<reference>".to_string(),
                error: format!("a reference process exited with {status} (its stderr is above)"),
            }),
            Err(e) => return Err(format!("cannot wait for the reference process: {e}")),
        }
    }
    let protopy_time: Duration = results.iter().map(|(_, d)| *d).sum();
    outcomes.extend(results.into_iter().map(|(o, _)| o));
    let seen: HashSet<String> = outcomes
        .iter()
        .map(|o| outcome_rel(o).to_string())
        .collect();
    for f in files {
        if !seen.contains(&f.rel) {
            outcomes.push(FileOutcome::HarnessError {
                path: f.rel.clone(),
                error: "the reference produced no record".to_string(),
            });
        }
    }
    let bytes = files.iter().map(|f| f.size).sum();
    let mut report = Report::new(outcomes, bytes, &reference.version, jobs);
    report.seconds = started.elapsed().as_secs_f64();
    report.protopy_seconds = protopy_time.as_secs_f64();
    Ok(report)
}

fn outcome_rel(o: &FileOutcome) -> &str {
    match o {
        FileOutcome::Identical { path } | FileOutcome::HarnessError { path, .. } => path,
        FileOutcome::Mismatch(m) => &m.path,
        FileOutcome::Rejected(r) => &r.path,
    }
}

/// Compares protopy with one reference record; also returns the time protopy took.
fn judge(record: RefRecord, by_path: &HashMap<&str, &SourceFile>) -> (FileOutcome, Duration) {
    let Some(file) = by_path.get(record.path.as_str()) else {
        let error = format!(
            "the reference reported a file it was not given: {}",
            record.path
        );
        return (
            FileOutcome::HarnessError {
                path: "<reference>".to_string(),
                error,
            },
            Duration::ZERO,
        );
    };
    let path = file.rel.clone();
    if let Some(e) = record.io_error {
        return (
            FileOutcome::HarnessError {
                path,
                error: format!("the reference cannot read it: {e}"),
            },
            Duration::ZERO,
        );
    }
    let bytes = match std::fs::read(&file.path) {
        Ok(b) => b,
        Err(e) => {
            return (
                FileOutcome::HarnessError {
                    path,
                    error: format!("cannot read it: {e}"),
                },
                Duration::ZERO,
            )
        }
    };
    let started = Instant::now();
    let outcome = match (record.ok, record.dump, record.dump_attrs, record.error) {
        (true, Some(dump), Some(dump_attrs), _) => judge_accepted(path, &bytes, &dump, &dump_attrs),
        (false, _, _, Some(error)) => judge_rejected(path, &bytes, error),
        _ => FileOutcome::HarnessError {
            path,
            error: "incomplete reference record".to_string(),
        },
    };
    (outcome, started.elapsed())
}

/// A file CPython accepts: both dumps must be identical.
fn judge_accepted(path: String, bytes: &[u8], dump: &str, dump_attrs: &str) -> FileOutcome {
    let mismatch = |kind, signature: String| Mismatch {
        path: path.clone(),
        kind,
        signature,
        offset: None,
        reference: None,
        protopy: None,
        error: None,
        panic: None,
    };
    let ours = match guarded(|| protopy_compiler::dump_source_bytes(bytes, false)) {
        Err(panic) => {
            return FileOutcome::Mismatch(Mismatch {
                panic: Some(panic.clone()),
                ..mismatch(
                    MismatchKind::Crash,
                    format!("panic: {}", diff::normalize(&panic)),
                )
            })
        }
        Ok(Err(e)) => {
            let error = error_info(&e, bytes);
            let signature = format!(
                "protopy raises {}: {}",
                error.kind,
                diff::normalize(&error.msg)
            );
            return FileOutcome::Mismatch(Mismatch {
                error: Some(error),
                ..mismatch(MismatchKind::Rejected, signature)
            });
        }
        Ok(Ok(d)) => d,
    };
    if let Some(d) = diff::first_difference(dump, &ours) {
        return FileOutcome::Mismatch(Mismatch {
            offset: Some(d.offset),
            reference: Some(d.reference),
            protopy: Some(d.protopy),
            ..mismatch(MismatchKind::Dump, d.signature)
        });
    }
    drop(ours);
    let ours = match guarded(|| protopy_compiler::dump_source_bytes(bytes, true)) {
        Err(panic) => {
            return FileOutcome::Mismatch(Mismatch {
                panic: Some(panic.clone()),
                ..mismatch(
                    MismatchKind::Crash,
                    format!("panic: {}", diff::normalize(&panic)),
                )
            })
        }
        // The same source parsed a moment ago; an error now is a positions-only inconsistency.
        Ok(Err(e)) => format!("<{}: {}>", e.kind.name(), e.msg),
        Ok(Ok(d)) => d,
    };
    match diff::first_difference(dump_attrs, &ours) {
        None => FileOutcome::Identical { path },
        Some(d) => FileOutcome::Mismatch(Mismatch {
            offset: Some(d.offset),
            reference: Some(d.reference),
            protopy: Some(d.protopy),
            ..mismatch(MismatchKind::Positions, d.signature)
        }),
    }
}

/// A file CPython rejects: protopy must reject it too, ideally with the same error.
fn judge_rejected(path: String, bytes: &[u8], reference: ErrorInfo) -> FileOutcome {
    let protopy = match guarded(|| protopy_compiler::parse_module_bytes(bytes).map(drop)) {
        Err(panic) => Verdict::Crash { panic },
        Ok(Ok(())) => Verdict::Accepted,
        Ok(Err(e)) => Verdict::Rejected {
            error: error_info(&e, bytes),
        },
    };
    let same_error = matches!(&protopy, Verdict::Rejected { error } if error.same_as(&reference));
    FileOutcome::Rejected(RejectedFile {
        path,
        reference,
        protopy,
        same_error,
    })
}

/// protopy's error in CPython's terms (the 1-based character offset on its line).
fn error_info(e: &SyntaxError, bytes: &[u8]) -> ErrorInfo {
    let offset = guarded(|| protopy_compiler::source::decode_source(bytes))
        .ok()
        .and_then(Result::ok)
        .and_then(|text| {
            let line = text
                .split('\n')
                .nth((e.lineno as usize).checked_sub(1)?)?
                .to_string();
            Some(e.char_offset(&line) as i64)
        })
        .unwrap_or(i64::from(e.col) + 1);
    ErrorInfo {
        kind: e.kind.name().to_string(),
        msg: e.msg.clone(),
        lineno: Some(i64::from(e.lineno)),
        offset: Some(offset),
    }
}

thread_local! {
    /// The message of the last panic on this thread, set by [`record_panic`].
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The panic hook while the track runs: remembers the message instead of printing it.
fn record_panic(info: &panic::PanicHookInfo<'_>) {
    let payload = info.payload();
    let msg = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "<non-string panic payload>".to_string());
    let place = info
        .location()
        .map_or(String::new(), |l| format!(" at {}:{}", l.file(), l.line()));
    LAST_PANIC.with(|p| *p.borrow_mut() = Some(format!("{msg}{place}")));
}

/// Runs protopy code, turning a panic into `Err(message)`.
pub fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    LAST_PANIC.with(|p| p.borrow_mut().take());
    panic::catch_unwind(AssertUnwindSafe(f)).map_err(|_| {
        LAST_PANIC
            .with(|p| p.borrow_mut().take())
            .unwrap_or_else(|| "panic".to_string())
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    fn file(rel: &str, size: u64) -> SourceFile {
        SourceFile {
            path: PathBuf::from(format!("/lib/{rel}")),
            rel: rel.to_string(),
            size,
        }
    }

    #[test]
    fn balance_spreads_bytes_evenly() {
        let files = vec![
            file("a", 100),
            file("b", 60),
            file("c", 50),
            file("d", 30),
            file("e", 20),
        ];
        let lists = balance(&files, 2);
        let sums: Vec<u64> = lists
            .iter()
            .map(|l| l.iter().map(|f| f.size).sum())
            .collect();
        assert_eq!(sums, [130, 130]);
        assert_eq!(lists.iter().map(Vec::len).sum::<usize>(), 5);
        assert_eq!(balance(&files, 9).len(), 5, "no empty lists");
    }

    #[test]
    fn guarded_turns_a_panic_into_its_message() {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(record_panic));
        let r: Result<(), String> = guarded(|| panic!("bad {}", 42));
        panic::set_hook(previous);
        let msg = r.unwrap_err();
        assert!(msg.starts_with("bad 42 at "), "{msg}");
        assert!(msg.contains("ast_track/mod.rs:"), "{msg}");
        assert_eq!(guarded(|| 7), Ok(7));
    }

    #[test]
    fn source_files_skip_broken_links_and_other_files() {
        let dir = std::env::temp_dir().join(format!("protopy-ast-files-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("pkg")).unwrap();
        std::fs::create_dir_all(dir.join("site-packages")).unwrap();
        std::fs::write(dir.join("a.py"), "x = 1\n").unwrap();
        std::fs::write(dir.join("pkg/b.py"), "y = 2\n").unwrap();
        std::fs::write(dir.join("pkg/c.txt"), "no").unwrap();
        std::fs::write(dir.join("site-packages/d.py"), "z = 3\n").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.join("missing.py"), dir.join("broken.py")).unwrap();
            std::os::unix::fs::symlink(dir.join("a.py"), dir.join("link.py")).unwrap();
        }
        let files = source_files(&dir).unwrap();
        let rels: Vec<&str> = files.iter().map(|f| f.rel.as_str()).collect();
        #[cfg(unix)]
        assert_eq!(rels, ["a.py", "link.py", "pkg/b.py"]);
        assert_eq!(files[0].size, 6);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
