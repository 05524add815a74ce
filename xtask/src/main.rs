//! `cargo xtask`: project automation (ARCHITECTURE.md, `xtask/`): the reference CPython, the
//! conformance tracks, benchmarks and fuzzing.

mod bench;
mod ci;
mod fuzz;

use clap::{Parser, Subcommand, ValueEnum};
use protopy_conformance::{ast_track, reference};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

#[derive(Parser)]
#[command(
    name = "cargo xtask",
    bin_name = "cargo xtask",
    about = "protopy's project automation"
)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Fetch (or find) the reference CPython 3.14 and print the interpreter's path.
    ///
    /// Set PROTOPY_REFERENCE=/path/to/python3.14 to use an existing interpreter instead, and
    /// PROTOPY_CACHE to move the cache (default: <repo>/.cache).
    Reference,
    /// Compare protopy with the reference CPython and write docs/conformance/.
    Conformance {
        /// The tracks to run (default: all).
        #[arg(long, value_enum, value_delimiter = ',', num_args = 1..)]
        track: Vec<Track>,
        /// Parallel jobs (default: the available cores).
        #[arg(short, long)]
        jobs: Option<usize>,
        /// Exit non-zero unless the gate holds (AST: dumps identical on >= 99.9% of accepted
        /// files, positions on >= 99%, every rejected file rejected, no crash).
        #[arg(long)]
        check: bool,
        /// Where reports go (default: <repo>/docs/conformance).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Benchmarks.
    Bench {
        #[arg(value_enum)]
        which: Bench,
        /// Timed passes over all files; the best is reported.
        #[arg(long, default_value_t = 5)]
        passes: usize,
        /// Where the report goes (default: <repo>/docs/benchmarks/<which>.md).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Run a cargo-fuzz target for a bounded time (installs cargo-fuzz when missing).
    Fuzz {
        /// The target (fuzz/fuzz_targets/<TARGET>.rs).
        #[arg(value_enum, default_value_t = fuzz::Target::Parser)]
        target: fuzz::Target,
        /// How long to fuzz.
        #[arg(long, default_value_t = 60)]
        seconds: u64,
        /// Sanitizer passed to `cargo fuzz run -s` (address needs the sanitizer runtime).
        #[arg(short, long, default_value = "address")]
        sanitizer: String,
    },
    /// Everything CI runs: formatting, lints, all tests, then the conformance gates (the AST
    /// track over the reference's whole Lib/, fetching the reference first). Reports go to
    /// target/ci-conformance/, not docs/.
    Ci,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Track {
    Ast,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Bench {
    Parse,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Cmd::Reference => cmd_reference(),
        Cmd::Conformance {
            track,
            jobs,
            check,
            out,
        } => cmd_conformance(&track, jobs, check, out),
        Cmd::Bench {
            which: Bench::Parse,
            passes,
            out,
        } => bench::parse(passes, out),
        Cmd::Fuzz {
            target,
            seconds,
            sanitizer,
        } => fuzz::run(target, seconds, &sanitizer),
        Cmd::Ci => {
            let root = reference::repo_root();
            let out = root.join("target/ci-conformance");
            ci::run(&root, || cmd_conformance(&[Track::Ast], None, true, Some(out)))
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn cmd_reference() -> Result<ExitCode, String> {
    let started = Instant::now();
    let r = reference::ensure()?;
    eprintln!(
        "CPython {} with its standard library at {} ({:.1} s)",
        r.version,
        r.stdlib.display(),
        started.elapsed().as_secs_f64()
    );
    println!("{}", r.python.display());
    Ok(ExitCode::SUCCESS)
}

fn cmd_conformance(
    tracks: &[Track],
    jobs: Option<usize>,
    check: bool,
    out: Option<PathBuf>,
) -> Result<ExitCode, String> {
    let tracks = if tracks.is_empty() {
        vec![Track::Ast]
    } else {
        tracks.to_vec()
    };
    let jobs = jobs.unwrap_or_else(default_jobs);
    let out = out.unwrap_or_else(|| reference::repo_root().join("docs/conformance"));
    let r = reference::ensure()?;
    let mut failed = false;
    for track in tracks {
        match track {
            Track::Ast => {
                let report = ast_track::run(&r, jobs)?;
                write(
                    &out.join("ast.json"),
                    &serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?,
                )?;
                write(&out.join("ast.md"), &report.markdown())?;
                print!("{}", report.summary(10));
                println!("  wrote {} and ast.md", out.join("ast.json").display());
                failed |= !report.gate_passed;
            }
        }
    }
    if check && failed {
        eprintln!("conformance check failed");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// Writes a report file, creating its directory.
fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let text = if text.ends_with('\n') {
        text.to_string()
    } else {
        format!("{text}\n")
    };
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
