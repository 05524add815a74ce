//! `cargo xtask ci`: everything CI runs, in order, stopping at the first failure. `.ci/run` calls
//! it on a fresh clone, and the README gives it as the command that runs all the tests.

use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::Instant;

/// A step that runs another cargo command.
struct Step {
    what: &'static str,
    args: &'static [&'static str],
}

const CARGO_STEPS: &[Step] = &[
    Step { what: "formatting", args: &["fmt", "--all", "--", "--check"] },
    Step { what: "lints", args: &["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"] },
    Step { what: "unit, fixture, snapshot and fuzz-corpus tests", args: &["test", "--workspace"] },
];

/// Runs the cargo steps, then `finish` (the conformance gates, run in this process).
pub fn run(root: &Path, finish: impl FnOnce() -> Result<ExitCode, String>) -> Result<ExitCode, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let started = Instant::now();
    for step in CARGO_STEPS {
        eprintln!("ci: {} (cargo {})", step.what, step.args.join(" "));
        let t = Instant::now();
        let status = Command::new(&cargo)
            .args(step.args)
            .current_dir(root)
            .status()
            .map_err(|e| format!("cannot run {cargo}: {e}"))?;
        if !status.success() {
            eprintln!("ci: FAILED at {} after {:.0} s", step.what, started.elapsed().as_secs_f64());
            return Ok(ExitCode::FAILURE);
        }
        eprintln!("ci: {} passed in {:.0} s", step.what, t.elapsed().as_secs_f64());
    }
    eprintln!("ci: conformance gates");
    let code = finish()?;
    if code == ExitCode::SUCCESS {
        eprintln!("ci: all passed in {:.0} s", started.elapsed().as_secs_f64());
    } else {
        eprintln!("ci: FAILED at the conformance gates after {:.0} s", started.elapsed().as_secs_f64());
    }
    Ok(code)
}
