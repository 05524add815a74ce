//! `cargo xtask fuzz [TARGET] --seconds N`: runs a cargo-fuzz target of `fuzz/` for a bounded time
//! on the stable toolchain (`RUSTC_BOOTSTRAP=1`), reports libFuzzer's execution count and copies
//! crash inputs into `fuzz/regressions/<target>/`, which `compiler/tests/fuzz_corpus.rs` replays.

use clap::ValueEnum;
use protopy_conformance::reference;
use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Target {
    Parser,
    Tokenizer,
}

impl Target {
    /// Every target, in the order CI smoke-runs them.
    pub const ALL: [Target; 2] = [Target::Tokenizer, Target::Parser];

    pub fn name(self) -> &'static str {
        match self {
            Target::Parser => "parser",
            Target::Tokenizer => "tokenizer",
        }
    }
}

pub fn run(target: Target, seconds: u64, sanitizer: &str) -> Result<ExitCode, String> {
    let repo = reference::repo_root();
    let fuzz_dir = repo.join("fuzz");
    let name = target.name();
    ensure_cargo_fuzz()?;

    // libFuzzer adds what it finds to the first corpus directory: a scratch one in the cache, so
    // the committed seeds in fuzz/corpus/ stay the small hand-written set.
    let work = reference::cache_dir()
        .join("fuzz")
        .join(name)
        .join("corpus");
    std::fs::create_dir_all(&work).map_err(|e| format!("cannot create {}: {e}", work.display()))?;
    // Every seed directory feeds every target. Known crashes (fuzz/regressions/) are left out:
    // they would stop the run at start-up; the fuzz_corpus test replays them.
    let seeds: Vec<PathBuf> = list_dirs(&fuzz_dir.join("corpus"));
    // Where cargo fuzz tells libFuzzer to write crash inputs (its `-artifact_prefix`).
    let artifacts = fuzz_dir.join("artifacts").join(name);
    let before: HashSet<PathBuf> = list_files(&artifacts).into_iter().collect();

    let mut cmd = Command::new("cargo");
    cmd.current_dir(&repo)
        .env("RUSTC_BOOTSTRAP", "1")
        .args([
            "fuzz",
            "run",
            "--debug-assertions",
            "--sanitizer",
            sanitizer,
            name,
        ])
        .arg(&work)
        .args(&seeds)
        .arg("--")
        .arg(format!("-max_total_time={seconds}"))
        .arg("-print_final_stats=1")
        .stdout(Stdio::inherit())
        .stderr(Stdio::piped());
    std::fs::create_dir_all(&artifacts)
        .map_err(|e| format!("cannot create {}: {e}", artifacts.display()))?;
    eprintln!("fuzz: cargo fuzz run -s {sanitizer} {name} for {seconds} s (RUSTC_BOOTSTRAP=1; the first build takes a while)");
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot run cargo fuzz: {e}"))?;
    let mut executions: Option<u64> = None;
    let mut done_line = None;
    if let Some(stderr) = child.stderr.take() {
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            if let Some(n) = line.strip_prefix("stat::number_of_executed_units:") {
                executions = n.trim().parse().ok();
            }
            if line.starts_with("Done ") {
                done_line = Some(line.clone());
            }
            // libFuzzer's progress lines (`#4096 pulse ...`) and its recommended dictionary
            // (`"tok" # Uses: 7`) are many; keep the rest.
            if !line.starts_with('#') && !line.starts_with('"') {
                eprintln!("{line}");
            }
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("cannot wait for cargo fuzz: {e}"))?;

    let found: Vec<PathBuf> = list_files(&artifacts)
        .into_iter()
        .filter(|p| !before.contains(p))
        .collect();
    let regressions = fuzz_dir.join("regressions").join(name);
    let mut copied = Vec::new();
    for artifact in &found {
        let Some(file_name) = artifact.file_name() else {
            continue;
        };
        std::fs::create_dir_all(&regressions)
            .map_err(|e| format!("cannot create {}: {e}", regressions.display()))?;
        let dest = regressions.join(file_name);
        std::fs::copy(artifact, &dest)
            .map_err(|e| format!("cannot copy {}: {e}", artifact.display()))?;
        copied.push(dest);
    }

    match executions {
        Some(n) => println!("fuzz {name}: {n} executions (time limit {seconds} s)"),
        None => println!("fuzz {name}: libFuzzer printed no final stats"),
    }
    if let Some(line) = done_line {
        println!("  libFuzzer: {line}");
    }
    for c in &copied {
        println!("  crash input saved to {}", c.display());
    }
    if !copied.is_empty() {
        println!("  replay with: cargo test -p protopy-compiler --test fuzz_corpus");
        return Ok(ExitCode::FAILURE);
    }
    if !status.success() {
        return Err(format!("cargo fuzz exited with {status}"));
    }
    Ok(ExitCode::SUCCESS)
}

/// Installs cargo-fuzz with `cargo install --locked` unless `cargo fuzz` already runs.
fn ensure_cargo_fuzz() -> Result<(), String> {
    let present = Command::new("cargo")
        .args(["fuzz", "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if present {
        return Ok(());
    }
    eprintln!("fuzz: cargo-fuzz is missing; running `cargo install cargo-fuzz --locked`");
    let status = Command::new("cargo")
        .args(["install", "cargo-fuzz", "--locked"])
        .status()
        .map_err(|e| format!("cannot run cargo install: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "`cargo install cargo-fuzz --locked` failed ({status})"
        ))
    }
}

fn list_dirs(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    out.sort();
    out
}

fn list_files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out
}
