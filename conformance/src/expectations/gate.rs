//! The regression gate: a run compared with the expectations manifest.
//!
//! | recorded \ now          | passes          | does not pass |
//! |-------------------------|-----------------|---------------|
//! | pass                    | ok              | **regression** |
//! | fail, error, crash, ... | **newly passing** | ok (even if the kind of failure changed) |
//! | not recorded (regrtest) | **newly passing** | noted, not a failure |
//!
//! A regression fails the gate, naming the case. A newly passing case fails it too: the
//! manifest is a ratchet, and a pass that is not recorded is a pass nothing protects, so the
//! commit that earns it records it (`--update-expectations`), the way compiletest's `--bless`
//! works. For snapshots a case the manifest does not list is expected to pass.

use super::{Expectation, ModuleManifest, SnapshotManifest};
use crate::outcome::Outcome;
use crate::regrtest::{ModuleRun, ModuleStatus};
use crate::snapshots::{CaseResult, Mode};
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;

/// How one case compares with the manifest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    Ok,
    Regression,
    NewlyPassing,
    /// A case the manifest does not know, and which does not pass.
    Unrecorded,
}

/// The verdict for one case.
pub fn judge(expected: Expectation, actual: Outcome) -> Verdict {
    match (expected, actual.is_pass()) {
        (Expectation::Pass, true) | (Expectation::Fails(_), false) => Verdict::Ok,
        (Expectation::Pass, false) => Verdict::Regression,
        (Expectation::Fails(_) | Expectation::Unrecorded, true) => Verdict::NewlyPassing,
        (Expectation::Unrecorded, false) => Verdict::Unrecorded,
    }
}

/// A case the gate has something to say about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub verdict: Verdict,
    /// `snapshots` or `regrtest`.
    pub track: &'static str,
    /// `topic/name [gc-stress]`, or `test_bool: BoolTest.test_repr`.
    pub id: String,
    /// What the manifest says (`pass`, `fail`, `not recorded`, ...).
    pub expected: String,
    pub actual: String,
    pub error: Option<String>,
}

/// The gate's result over one or more tracks.
#[derive(Clone, Debug, Default)]
pub struct Gate {
    pub findings: Vec<Finding>,
    /// Cases compared.
    pub checked: usize,
}

fn describe(expected: Expectation) -> String {
    match expected {
        Expectation::Pass => "pass".to_string(),
        Expectation::Fails(o) => o.name().to_string(),
        Expectation::Unrecorded => "not recorded".to_string(),
    }
}

impl Gate {
    pub fn passed(&self) -> bool {
        !self
            .findings
            .iter()
            .any(|f| matches!(f.verdict, Verdict::Regression | Verdict::NewlyPassing))
    }

    pub fn count(&self, verdict: Verdict) -> usize {
        self.findings
            .iter()
            .filter(|f| f.verdict == verdict)
            .count()
    }

    pub fn merge(&mut self, other: Gate) {
        self.findings.extend(other.findings);
        self.checked += other.checked;
    }

    fn add(
        &mut self,
        track: &'static str,
        id: String,
        expected: Expectation,
        actual: Outcome,
        error: Option<&str>,
    ) {
        self.checked += 1;
        let verdict = judge(expected, actual);
        if verdict != Verdict::Ok {
            self.findings.push(Finding {
                verdict,
                track,
                id,
                expected: describe(expected),
                actual: actual.name().to_string(),
                error: error.map(String::from),
            });
        }
    }

    /// The snapshot track: every (case, mode) result against `snapshots.toml`.
    pub fn check_snapshots(manifest: &SnapshotManifest, results: &[CaseResult]) -> Gate {
        let mut gate = Gate::default();
        for r in results {
            let expected = manifest.expected(&r.id, r.mode);
            gate.add(
                "snapshots",
                r.mode.trial_name(&r.id),
                expected,
                r.outcome,
                r.error.as_deref(),
            );
        }
        gate
    }

    /// The regrtest track: protopy's module runs against the module manifests.
    pub fn check_regrtest(
        manifests: &BTreeMap<String, ModuleManifest>,
        runs: &[&ModuleRun],
    ) -> Gate {
        let mut gate = Gate::default();
        for run in runs {
            let Some(manifest) = manifests.get(&run.module) else {
                for c in &run.cases {
                    let id = format!("{}: {}", run.module, c.id);
                    gate.add(
                        "regrtest",
                        id,
                        Expectation::Unrecorded,
                        c.outcome,
                        c.error.as_deref(),
                    );
                }
                if run.status != ModuleStatus::Ran {
                    gate.findings.push(Finding {
                        verdict: Verdict::Unrecorded,
                        track: "regrtest",
                        id: run.module.clone(),
                        expected: "not recorded".to_string(),
                        actual: status_name(run.status).to_string(),
                        error: run.error.clone(),
                    });
                }
                continue;
            };
            if run.status != ModuleStatus::Ran {
                // Nothing ran: every recorded pass is lost.
                gate.checked += 1;
                for (id, entry) in &manifest.cases {
                    if entry.outcome().is_pass() {
                        gate.findings.push(Finding {
                            verdict: Verdict::Regression,
                            track: "regrtest",
                            id: format!("{}: {id}", run.module),
                            expected: "pass".to_string(),
                            actual: status_name(run.status).to_string(),
                            error: run.error.clone(),
                        });
                    }
                }
                continue;
            }
            let mut seen = HashSet::new();
            for c in &run.cases {
                seen.insert(c.id.as_str());
                let id = format!("{}: {}", run.module, c.id);
                gate.add(
                    "regrtest",
                    id,
                    manifest.expected(&c.id),
                    c.outcome,
                    c.error.as_deref(),
                );
            }
            for (id, entry) in &manifest.cases {
                if entry.outcome().is_pass() && !seen.contains(id.as_str()) {
                    gate.findings.push(Finding {
                        verdict: Verdict::Regression,
                        track: "regrtest",
                        id: format!("{}: {id}", run.module),
                        expected: "pass".to_string(),
                        actual: "missing".to_string(),
                        error: Some("the case was not loaded in this run".to_string()),
                    });
                }
            }
        }
        gate
    }

    /// What the gate found, regressions first, each named; `limit` bounds each list.
    pub fn summary(&self, limit: usize) -> String {
        let mut s = String::new();
        let regressions = self.count(Verdict::Regression);
        let newly = self.count(Verdict::NewlyPassing);
        let _ = writeln!(
            s,
            "gate: {} ({} checked; {regressions} regressed, {newly} newly passing)",
            if self.passed() { "PASS" } else { "FAIL" },
            self.checked
        );
        for (verdict, label) in [
            (Verdict::Regression, "REGRESSION"),
            (Verdict::NewlyPassing, "NEWLY PASSING"),
        ] {
            let found: Vec<&Finding> = self
                .findings
                .iter()
                .filter(|f| f.verdict == verdict)
                .collect();
            for f in found.iter().take(limit) {
                let error = f
                    .error
                    .as_deref()
                    .map_or(String::new(), |e| format!(": {e}"));
                let _ = writeln!(
                    s,
                    "  {label} {} {}: recorded {}, now {}{error}",
                    f.track, f.id, f.expected, f.actual
                );
            }
            if found.len() > limit {
                let _ = writeln!(
                    s,
                    "  ... and {} more ({})",
                    found.len() - limit,
                    label.to_lowercase()
                );
            }
        }
        if newly > 0 {
            let _ = writeln!(
                s,
                "  newly passing cases must be recorded: cargo xtask conformance --update-expectations \
                 (with the same --track/--slice)"
            );
        }
        let unrecorded = self.count(Verdict::Unrecorded);
        if unrecorded > 0 {
            let _ = writeln!(
                s,
                "  note: {unrecorded} case(s) or module(s) not in the manifest do not pass (not a failure; \
                 --update-expectations records them)"
            );
        }
        s
    }
}

fn status_name(status: ModuleStatus) -> &'static str {
    match status {
        ModuleStatus::Ran => "ran",
        ModuleStatus::ImportError => "import error",
        ModuleStatus::Skipped => "skipped",
    }
}

/// The gate's verdict on one snapshot trial, for the test binary: `Ok(message)` when it holds
/// (the message says whether the case passed or failed as expected), `Err(message)` otherwise.
pub fn snapshot_trial(manifest: &SnapshotManifest, result: &CaseResult) -> Result<String, String> {
    let expected = manifest.expected(&result.id, result.mode);
    let name = result.mode.trial_name(&result.id);
    let error = result.error.as_deref().unwrap_or("");
    match judge(expected, result.outcome) {
        Verdict::Ok if result.outcome.is_pass() => Ok(format!("{name}: pass")),
        Verdict::Ok => Ok(format!("{name}: expected failure ({}): {error}", result.outcome)),
        Verdict::Regression => Err(format!(
            "{name}: {} — protopy's output differs from CPython's snapshot, and \
             conformance/expectations/snapshots.toml does not list it as failing: {error}",
            result.outcome
        )),
        Verdict::NewlyPassing => Err(format!(
            "{name}: NEWLY PASSING — conformance/expectations/snapshots.toml lists it as failing; \
             record the pass with `cargo xtask conformance --track snapshots --update-expectations`{}",
            if result.mode == Mode::GcStress { " (it passed under PROTOPY_GC_STRESS=1)" } else { "" }
        )),
        Verdict::Unrecorded => Err(format!("{name}: not recorded")),
    }
}
