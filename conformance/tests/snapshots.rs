//! The snapshot track under `cargo test -p protopy-conformance --test snapshots`: every case of
//! `conformance/cases/` run by the `protopy` binary (built for this test's profile, or
//! `PROTOPY_BIN`), normally and with `PROTOPY_GC_STRESS=1`, and compared through insta with the
//! snapshot recorded from CPython. A case listed in `conformance/expectations/snapshots.toml`
//! may fail; one listed that passes fails the test as newly passing, so that the manifest is
//! updated (see `expectations::gate`). No CPython is needed: the snapshots are committed.

use libtest_mimic::{Arguments, Failed, Trial};
use protopy_conformance::expectations::gate::snapshot_trial;
use protopy_conformance::expectations::{default_dir, time_limit, SnapshotManifest};
use protopy_conformance::snapshots::{self, Case, Interpreter, Mode, Runner};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

struct Shared {
    runner: Result<Runner, String>,
    manifest: SnapshotManifest,
    expected_failures: AtomicUsize,
    /// Trials that took longer than [`SLOW`], for the summary.
    slow: Mutex<Vec<(String, f64)>>,
}

/// A trial slower than this is named at the end (CPython runs each case in well under a second).
const SLOW: Duration = Duration::from_secs(5);

fn main() {
    // Snapshots come from CPython only (`cargo xtask conformance --record`): whatever the
    // environment says, insta must never write protopy's output into them.
    std::env::set_var("INSTA_UPDATE", "no");
    std::env::remove_var("INSTA_FORCE_PASS");
    let args = Arguments::from_args();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let cases_dir = snapshots::cases_dir(&repo);
    let cases = snapshots::discover(&cases_dir);
    let manifest = SnapshotManifest::load(&SnapshotManifest::path(&default_dir(&repo)));
    let mut trials = Vec::new();
    let (cases, manifest) = match (cases, manifest) {
        (Ok(c), Ok(m)) => (c, m),
        (Err(e), _) | (_, Err(e)) => {
            trials.push(Trial::test("harness/setup", move || Err(Failed::from(e))));
            libtest_mimic::run(&args, trials).exit();
        }
    };
    let present = cases.iter().any(|c| c.id.starts_with("harness/"));
    trials.push(Trial::test("harness/cases-are-found", move || {
        if present {
            Ok(())
        } else {
            Err("no case under conformance/cases/harness/: discovery is broken".into())
        }
    }));
    let scratch = snapshots::scratch_dir("test");
    // `--list` only names the trials; everything else needs the binary.
    let runner = if args.list {
        Err("not built for --list".to_string())
    } else {
        let stdlib = cached_stdlib(&repo);
        protopy_conformance::protopy::for_current_test(&repo).map(|bin| {
            Runner::new(
                Interpreter::Protopy,
                &bin,
                &repo,
                stdlib.as_deref(),
                &scratch,
            )
        })
    };
    let shared = Arc::new(Shared {
        runner,
        manifest,
        expected_failures: AtomicUsize::new(0),
        slow: Mutex::new(Vec::new()),
    });
    for case in cases {
        for mode in Mode::ALL {
            let shared = Arc::clone(&shared);
            let case = case.clone();
            trials.push(Trial::test(mode.trial_name(&case.id), move || {
                check(&shared, &case, mode)
            }));
        }
    }
    let conclusion = libtest_mimic::run(&args, trials);
    let _ = std::fs::remove_dir_all(&scratch);
    let xfail = shared.expected_failures.load(Ordering::Relaxed);
    if xfail > 0 {
        eprintln!(
            "snapshots: {xfail} trial(s) failed as conformance/expectations/snapshots.toml expects \
             (counted as passed above)"
        );
    }
    if let Ok(mut slow) = shared.slow.lock() {
        slow.sort_by(|a, b| b.1.total_cmp(&a.1));
        for (name, secs) in slow.iter() {
            eprintln!("snapshots: slow: {name} took {secs:.1} s");
        }
    }
    conclusion.exit();
}

fn check(shared: &Shared, case: &Case, mode: Mode) -> Result<(), Failed> {
    let runner = shared
        .runner
        .as_ref()
        .map_err(|e| Failed::from(format!("no protopy binary: {e}")))?;
    let limit = time_limit(&shared.manifest, case, mode);
    let run = runner.run(case, mode, limit)?;
    if run.duration > SLOW {
        if let Ok(mut slow) = shared.slow.lock() {
            slow.push((mode.trial_name(&case.id), run.duration.as_secs_f64()));
        }
    }
    let actual = runner.render(case, mode, &run);
    let expected = snapshots::load_snapshot(&case.snapshot_path(&runner.cases))?;
    let result = snapshots::judge(case, mode, &run, &actual, expected.as_ref());
    match snapshot_trial(&shared.manifest, &result) {
        Ok(_) => {
            if !result.outcome.is_pass() {
                shared.expected_failures.fetch_add(1, Ordering::Relaxed);
            }
            Ok(())
        }
        Err(message) => {
            let diff = result
                .diff
                .as_deref()
                .map_or(String::new(), |d| format!("\n{d}"));
            Err(Failed::from(format!("{message}{diff}")))
        }
    }
}

/// The reference's `Lib/`, when `cargo xtask reference` has fetched it or `PROTOPY_STDLIB` names
/// one: protopy gets it as `PROTOPY_STDLIB`. Nothing is fetched here.
fn cached_stdlib(repo: &Path) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("PROTOPY_STDLIB").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    let cache = std::env::var_os("PROTOPY_CACHE")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| repo.join(".cache"));
    let stdlib = cache.join("reference/root/usr/lib/python3.14");
    stdlib.is_dir().then_some(stdlib)
}
