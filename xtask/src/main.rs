//! `cargo xtask`: project automation (ARCHITECTURE.md, `xtask/`): the reference CPython, the
//! conformance tracks, benchmarks and fuzzing.

mod bench;
mod bench_interp;
mod ci;
mod conformance;
mod fuzz;

use clap::{Parser, Subcommand, ValueEnum};
use protopy_conformance::reference;
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
    /// Compare protopy with the reference CPython (AST, snapshots, regrtest) and write the report
    /// (docs/conformance/report.{json,md}, index.html; the AST track also ast.{json,md}).
    ///
    /// The reference is fetched when missing; regrtest results of the reference are cached in
    /// .cache/conformance/ per reference version and worker script.
    Conformance {
        /// The tracks to run (default: all three).
        #[arg(long, value_enum, value_delimiter = ',', num_args = 1..)]
        track: Vec<conformance::Track>,
        /// The regrtest slice (quick, core, stdlib, all; see conformance/slices.toml) or a
        /// comma-separated list of test modules.
        #[arg(long, default_value = "all")]
        slice: String,
        /// Parallel jobs (default: the available cores).
        #[arg(short, long)]
        jobs: Option<usize>,
        /// Exit non-zero unless every gate holds: the AST thresholds, and the expectations
        /// manifest for snapshots and regrtest (a recorded pass that fails, or a recorded
        /// failure that passes, fails the check).
        #[arg(long)]
        check: bool,
        /// Where reports go (default: <repo>/docs/conformance).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Rewrite the expectations manifest from this run (every failure's first error line is
        /// refreshed; hand-written reasons of cases that still fail are kept).
        #[arg(long)]
        update_expectations: bool,
        /// Record the snapshots of conformance/cases/ from the reference CPython (all cases, or
        /// those of --cases), then list new failing cases in the manifest.
        #[arg(long)]
        record: bool,
        /// Only these snapshot cases (ids like `harness/hello` or topics like `harness`).
        #[arg(long, value_delimiter = ',')]
        cases: Vec<String>,
        /// Print the cases fixed and regressed between two report.json files, and exit.
        #[arg(long, num_args = 2, value_names = ["OLD", "NEW"])]
        compare: Option<Vec<PathBuf>>,
        /// The expectations directory (default: <repo>/conformance/expectations).
        #[arg(long)]
        expectations: Option<PathBuf>,
        /// Rerun the reference side of regrtest instead of using its cache.
        #[arg(long)]
        fresh_reference: bool,
    },
    /// Benchmarks.
    Bench {
        /// `interp`: the interpreter set against the reference (docs/benchmarks.md); `parse`: the
        /// parser over the reference's Lib/ (docs/benchmarks/parse.md).
        #[arg(value_enum, default_value_t = Bench::Interp)]
        which: Bench,
        /// parse: timed passes over all files; the best is reported.
        #[arg(long, default_value_t = 5)]
        passes: usize,
        /// interp: runs of each program under each interpreter; the best is reported.
        #[arg(long, default_value_t = 5)]
        runs: usize,
        /// interp: only these programs (file stems of xtask/benchmarks/*.py).
        #[arg(long, value_delimiter = ',')]
        only: Vec<String>,
        /// Where the report goes (default: docs/benchmarks.md, or docs/benchmarks/parse.md).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Internal: runs one benchmark process and reports its time and peak memory (used by
    /// `bench interp`).
    #[command(hide = true)]
    BenchProbe { program: PathBuf, script: PathBuf },
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
    /// Everything CI runs: formatting, lints, all tests (the snapshot track included), then the
    /// conformance gates (the AST track over the reference's whole Lib/, the regrtest `quick`
    /// slice against the expectations manifest; the reference is fetched first), then a fuzz
    /// smoke run of each target. Reports go to target/ci-conformance/, not docs/.
    Ci {
        /// Parallel jobs for the conformance gates (default: the available cores).
        #[arg(short, long)]
        jobs: Option<usize>,
        /// Seconds of fuzzing per target (0 skips the fuzz smoke run).
        #[arg(long, default_value_t = 20)]
        fuzz_seconds: u64,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Bench {
    Interp,
    Parse,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Cmd::Reference => cmd_reference(),
        Cmd::Conformance {
            track,
            slice,
            jobs,
            check,
            out,
            update_expectations,
            record,
            cases,
            compare,
            expectations,
            fresh_reference,
        } => {
            let repo = reference::repo_root();
            let opts = conformance::Options {
                tracks: if track.is_empty() {
                    vec![
                        conformance::Track::Ast,
                        conformance::Track::Snapshots,
                        conformance::Track::Regrtest,
                    ]
                } else {
                    track
                },
                slice,
                jobs: jobs.unwrap_or_else(default_jobs).max(1),
                check,
                out: out.unwrap_or_else(|| repo.join("docs/conformance")),
                update_expectations,
                expectations: expectations
                    .unwrap_or_else(|| conformance::default_expectations(&repo)),
                fresh_reference,
                cases,
            };
            match compare.as_deref() {
                Some([old, new]) => conformance::compare_files(old, new),
                Some(_) => Err("--compare takes two report.json files".to_string()),
                None if record => conformance::record(&opts),
                None => conformance::run(&opts),
            }
        }
        Cmd::Bench {
            which,
            passes,
            runs,
            only,
            out,
        } => match which {
            Bench::Interp => bench_interp::interp(runs, &only, out),
            Bench::Parse => bench::parse(passes, out),
        },
        Cmd::BenchProbe { program, script } => Ok(bench_interp::probe(&program, &script)),
        Cmd::Fuzz {
            target,
            seconds,
            sanitizer,
        } => fuzz::run(target, seconds, &sanitizer),
        Cmd::Ci { jobs, fuzz_seconds } => ci::run(
            &reference::repo_root(),
            &ci::CiOptions {
                jobs: jobs.unwrap_or_else(default_jobs).max(1),
                fuzz_seconds,
            },
        ),
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
