//! `cargo xtask bench parse`: protopy's parser against CPython's `compile(..., ast.PyCF_ONLY_AST)`
//! over every file of the reference `Lib/`, single thread, best of N passes; writes
//! `docs/benchmarks/parse.md`.

use protopy_conformance::{ast_track, reference};
use serde::Deserialize;
use std::collections::HashSet;
use std::fmt::Write as _;
use std::hint::black_box;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

const BENCH_PARSE_PY: &str = include_str!("../scripts/bench_parse.py");

#[derive(Deserialize)]
struct RefResult {
    version: String,
    files: usize,
    bytes: u64,
    rejected: Vec<String>,
    times: Vec<f64>,
}

pub fn parse(passes: usize, out: Option<PathBuf>) -> Result<ExitCode, String> {
    let passes = passes.max(1);
    let r = reference::ensure()?;
    // Other work on the machine skews timings: the report says how busy it was.
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_string));
    let files = ast_track::source_files(&r.stdlib)?;

    eprintln!(
        "bench parse: CPython {}: {} files, {passes} passes ...",
        r.version,
        files.len()
    );
    let mut child = Command::new(&r.python)
        .args(["-I", "-S", "-c", BENCH_PARSE_PY, &passes.to_string()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", r.python.display()))?;
    let paths: String = files
        .iter()
        .map(|f| format!("{}\n", f.path.display()))
        .collect();
    if let Some(mut stdin) = child.stdin.take() {
        // The script reads all of stdin before it writes anything.
        stdin
            .write_all(paths.as_bytes())
            .map_err(|e| format!("cannot feed the reference: {e}"))?;
    }
    let output = child
        .wait_with_output()
        .map_err(|e| format!("cannot wait for the reference: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "the reference benchmark exited with {}",
            output.status
        ));
    }
    let cpy: RefResult =
        serde_json::from_slice(&output.stdout).map_err(|e| format!("bad reference result: {e}"))?;
    let cpy_best = cpy.times.iter().copied().fold(f64::INFINITY, f64::min);

    let rejected: HashSet<&str> = cpy.rejected.iter().map(String::as_str).collect();
    let mut sources = Vec::with_capacity(files.len());
    for f in &files {
        if f.path.to_str().is_some_and(|p| rejected.contains(p)) {
            continue;
        }
        sources.push(
            std::fs::read(&f.path).map_err(|e| format!("cannot read {}: {e}", f.path.display()))?,
        );
    }
    let bytes: u64 = sources.iter().map(|s| s.len() as u64).sum();
    if sources.len() != cpy.files || bytes != cpy.bytes {
        return Err(format!(
            "protopy and CPython would parse different inputs ({} files, {bytes} bytes against {} files, {} bytes)",
            sources.len(),
            cpy.files,
            cpy.bytes
        ));
    }

    eprintln!(
        "bench parse: protopy: {} files, {passes} passes ...",
        sources.len()
    );
    let mut ours_best = f64::INFINITY;
    let mut protopy_errors = 0;
    for pass in 0..passes {
        let mut errors = 0;
        let start = Instant::now();
        for src in &sources {
            let parsed = protopy_compiler::parse_module_bytes(black_box(src));
            errors += usize::from(parsed.is_err());
            drop(black_box(parsed));
        }
        ours_best = ours_best.min(start.elapsed().as_secs_f64());
        if pass == 0 {
            protopy_errors = errors;
        }
    }

    let mb = bytes as f64 / 1e6;
    let cpy_rate = mb / cpy_best;
    let ours_rate = mb / ours_best;
    let ratio = ours_rate / cpy_rate;
    let machine = machine();
    let mut md = String::new();
    let _ = writeln!(md, "# Parse benchmark\n");
    let _ = writeln!(
        md,
        "`cargo xtask bench parse --passes {passes}`: every `.py` file of the reference CPython {}'s `Lib/` \
         (tests included) that CPython accepts, parsed to an AST from its bytes in one thread, best of {passes} \
         passes over all files, timed inside the process (start-up and file reading excluded).\n",
        cpy.version
    );
    let _ = writeln!(md, "- protopy: `protopy_compiler::parse_module_bytes` (release build), AST dropped after each file.");
    let _ = writeln!(md, "- CPython: `compile(source, path, \"exec\", ast.PyCF_ONLY_AST)` (the AST objects are built and freed).");
    let _ = writeln!(
        md,
        "- Files: {} ({:.1} MB); {} rejected by CPython and left out.\n",
        sources.len(),
        mb,
        cpy.rejected.len()
    );
    let _ = writeln!(md, "| parser | best pass (s) | MB/s |\n|---|---:|---:|");
    let _ = writeln!(md, "| protopy | {ours_best:.3} | {ours_rate:.1} |");
    let _ = writeln!(
        md,
        "| CPython {} | {cpy_best:.3} | {cpy_rate:.1} |",
        cpy.version
    );
    let _ = writeln!(md, "\nprotopy / CPython throughput: **{ratio:.2}x**.\n");
    if protopy_errors > 0 {
        let _ = writeln!(
            md,
            "Caveat: protopy raised a SyntaxError on {protopy_errors} of these files, so it did less work than CPython \
             and the figures are not comparable yet (see `docs/conformance/ast.md`).\n"
        );
    }
    let _ = writeln!(md, "Machine: {machine}.");
    if let Some(load) = load {
        let _ = writeln!(md, "Load average (1 min) when the run started: {load}.");
    }

    let out = out.unwrap_or_else(|| reference::repo_root().join("docs/benchmarks/parse.md"));
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(&out, &md).map_err(|e| format!("cannot write {}: {e}", out.display()))?;

    println!(
        "parse benchmark: {} files, {mb:.1} MB, best of {passes} passes, one thread",
        sources.len()
    );
    println!("  protopy  {ours_best:8.3} s  {ours_rate:8.1} MB/s");
    println!(
        "  CPython  {cpy_best:8.3} s  {cpy_rate:8.1} MB/s  ({})",
        cpy.version
    );
    println!("  protopy/CPython: {ratio:.2}x");
    if protopy_errors > 0 {
        println!("  caveat: protopy rejected {protopy_errors} of the files CPython accepts; not comparable yet");
    }
    println!("  wrote {}", out.display());
    Ok(ExitCode::SUCCESS)
}

/// CPU model, core count, OS and rustc version, for the report.
pub fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|text| {
            text.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".to_string());
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let rustc = Command::new("rustc")
        .arg("-V")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| "rustc (unknown version)".to_string());
    format!(
        "{cpu}, {cores} cores available, {} {}, {rustc}",
        std::env::consts::OS,
        std::env::consts::ARCH
    )
}
