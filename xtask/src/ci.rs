//! `cargo xtask ci`: everything CI runs, in order, stopping at the first failure. `.ci/run` calls
//! it on a fresh clone, and the README gives it as the command that runs all the tests.
//!
//! 1. formatting, lints, `cargo test --workspace` (unit tests, parser fixtures, the fuzz corpus
//!    replay, and the snapshot track with its expectations gate);
//! 2. the conformance gates: the AST track over the reference's whole `Lib/`, and the regrtest
//!    `quick` slice against the expectations manifest (reports in `target/ci-conformance/`);
//! 3. a fuzz smoke run of each cargo-fuzz target.

use crate::conformance::{self, Track};
use crate::fuzz;
use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::Instant;

/// A step that runs another cargo command.
struct Step {
    what: &'static str,
    args: &'static [&'static str],
}

const CARGO_STEPS: &[Step] = &[
    Step {
        what: "formatting",
        args: &["fmt", "--all", "--", "--check"],
    },
    Step {
        what: "lints",
        args: &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    },
    Step {
        what: "unit, fixture, snapshot and fuzz-corpus tests",
        args: &["test", "--workspace"],
    },
];

/// How CI runs.
pub struct CiOptions {
    pub jobs: usize,
    /// Seconds of fuzzing per target; 0 skips the fuzz smoke run.
    pub fuzz_seconds: u64,
}

/// Runs every step; prints how long each took.
pub fn run(root: &Path, opts: &CiOptions) -> Result<ExitCode, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let started = Instant::now();
    let mut timings: Vec<(String, f64)> = Vec::new();
    let finish = |timings: &[(String, f64)], failed: Option<&str>| {
        eprintln!("ci: step timings");
        for (what, secs) in timings {
            eprintln!("ci:   {secs:>7.0} s  {what}");
        }
        let total = started.elapsed().as_secs_f64();
        match failed {
            None => eprintln!("ci: all passed in {total:.0} s"),
            Some(what) => eprintln!("ci: FAILED at {what} after {total:.0} s"),
        }
    };
    for step in CARGO_STEPS {
        eprintln!("ci: {} (cargo {})", step.what, step.args.join(" "));
        let t = Instant::now();
        let status = Command::new(&cargo)
            .args(step.args)
            .current_dir(root)
            .status()
            .map_err(|e| format!("cannot run {cargo}: {e}"))?;
        timings.push((step.what.to_string(), t.elapsed().as_secs_f64()));
        if !status.success() {
            finish(&timings, Some(step.what));
            return Ok(ExitCode::FAILURE);
        }
    }

    eprintln!(
        "ci: conformance gates (AST track; regrtest slice quick against the expectations manifest)"
    );
    let t = Instant::now();
    let gates = conformance::Options {
        tracks: vec![Track::Ast, Track::Regrtest],
        slice: "quick".to_string(),
        jobs: opts.jobs,
        check: true,
        out: root.join("target/ci-conformance"),
        update_expectations: false,
        expectations: conformance::default_expectations(root),
        fresh_reference: false,
        cases: Vec::new(),
    };
    let code = conformance::run(&gates)?;
    timings.push(("conformance gates".to_string(), t.elapsed().as_secs_f64()));
    if code != ExitCode::SUCCESS {
        finish(&timings, Some("the conformance gates"));
        return Ok(code);
    }

    if opts.fuzz_seconds > 0 {
        for target in fuzz::Target::ALL {
            eprintln!(
                "ci: fuzz smoke run: {} for {} s",
                target.name(),
                opts.fuzz_seconds
            );
            let t = Instant::now();
            let code = fuzz::run(target, opts.fuzz_seconds, "address")?;
            timings.push((
                format!("fuzz {} (build and run)", target.name()),
                t.elapsed().as_secs_f64(),
            ));
            if code != ExitCode::SUCCESS {
                finish(&timings, Some("the fuzz smoke run"));
                return Ok(code);
            }
        }
    }
    finish(&timings, None);
    Ok(ExitCode::SUCCESS)
}
