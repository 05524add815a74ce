//! The expectations manifest (`conformance/expectations/`): per test id, the outcome protopy had
//! when the manifest was last updated, with a reason for each case that does not pass: `error`,
//! its first error line, rewritten by every update, and optionally `reason`, written by hand and
//! kept by every update while the case still fails.
//!
//! - `snapshots.toml` lists the snapshot cases protopy fails (a case not listed must pass), with
//!   the modes it fails in when it fails in only one.
//! - `regrtest/<module>.toml` records a module's status (`ran`, `import-error`, `skipped`) and,
//!   once it runs, every case's outcome.
//!
//! `cargo xtask conformance --update-expectations` rewrites them from a run, keeping the
//! hand-written reasons of cases that still fail. The gate that compares a run with them is
//! `gate`.

pub mod gate;

use crate::outcome::Outcome;
use crate::regrtest::{ModuleRun, ModuleStatus};
use crate::snapshots::{CaseResult, Mode};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// `<repo>/conformance/expectations`.
pub fn default_dir(repo: &Path) -> PathBuf {
    repo.join("conformance").join("expectations")
}

/// What the manifest expects of one case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expectation {
    Pass,
    /// A recorded failure (fail, error, crash, timeout, skip).
    Fails(Outcome),
    /// The manifest does not know the case.
    Unrecorded,
}

/// A snapshot case protopy fails.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SnapshotEntry {
    pub outcome: Outcome,
    /// The first error line when the manifest was updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Why it fails, in words (hand-written; kept by updates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The modes it fails in; empty means both.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modes: Vec<Mode>,
    /// The outcome under GC stress, when it fails there otherwise than normally (a case that
    /// fails normally but hangs under GC stress: recorded timeouts get a short limit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gc_stress: Option<Outcome>,
}

/// `snapshots.toml`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SnapshotManifest {
    #[serde(default)]
    pub cases: BTreeMap<String, SnapshotEntry>,
}

impl SnapshotManifest {
    pub fn path(dir: &Path) -> PathBuf {
        dir.join("snapshots.toml")
    }

    /// The manifest at `path`; an absent file is an empty manifest.
    pub fn load(path: &Path) -> Result<SnapshotManifest, String> {
        match std::fs::read_to_string(path) {
            Ok(text) => toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(SnapshotManifest::default()),
            Err(e) => Err(format!("cannot read {}: {e}", path.display())),
        }
    }

    pub fn expected(&self, id: &str, mode: Mode) -> Expectation {
        match self.cases.get(id) {
            Some(e) if e.modes.is_empty() || e.modes.contains(&mode) => match (mode, e.gc_stress) {
                (Mode::GcStress, Some(outcome)) => Expectation::Fails(outcome),
                _ => Expectation::Fails(e.outcome),
            },
            _ => Expectation::Pass,
        }
    }

    /// The manifest a run implies: every failing case listed (keeping its hand-written reason),
    /// one), passing and vanished cases dropped.
    pub fn updated(&self, results: &[CaseResult]) -> SnapshotManifest {
        let mut by_case: BTreeMap<&str, Vec<&CaseResult>> = BTreeMap::new();
        for r in results {
            by_case.entry(r.id.as_str()).or_default().push(r);
        }
        let mut cases = BTreeMap::new();
        for (id, runs) in by_case {
            let mut failing: Vec<&&CaseResult> =
                runs.iter().filter(|r| !r.outcome.is_pass()).collect();
            failing.sort_by_key(|r| r.mode);
            let Some(first) = failing.first() else {
                continue;
            };
            let gc_stress = failing
                .iter()
                .find(|r| r.mode == Mode::GcStress && r.outcome != first.outcome)
                .map(|r| r.outcome);
            let modes = if failing.len() == runs.len() {
                Vec::new()
            } else {
                failing.iter().map(|r| r.mode).collect()
            };
            let reason = self.cases.get(id).and_then(|old| old.reason.clone());
            let error = Some(default_reason(first.outcome, first.error.as_deref()));
            cases.insert(
                id.to_string(),
                SnapshotEntry {
                    outcome: first.outcome,
                    error,
                    reason,
                    modes,
                    gc_stress,
                },
            );
        }
        SnapshotManifest { cases }
    }

    /// This manifest plus entries for the failing cases it does not know (nothing removed):
    /// what `--record` does for cases that are new.
    pub fn with_new_failures(&self, results: &[CaseResult]) -> SnapshotManifest {
        let fresh = SnapshotManifest::default().updated(results);
        let mut out = self.clone();
        for (id, entry) in fresh.cases {
            out.cases.entry(id).or_insert(entry);
        }
        out
    }

    pub fn to_toml(&self) -> String {
        let mut s = String::from(
            "# Snapshot cases protopy is expected to fail (conformance/cases/). A case not listed must\n\
             # pass, normally and under PROTOPY_GC_STRESS=1; `modes` narrows an entry to one mode and\n\
             # `gc_stress` gives the outcome under GC stress when it differs. `error` is the first error\n\
             # line, rewritten by `cargo xtask conformance --track snapshots --update-expectations`;\n\
             # add `reason = \"...\"` by hand to say why in words: updates keep it while the case fails.\n\
             \n[cases]\n",
        );
        for (id, e) in &self.cases {
            let _ = write!(
                s,
                "{} = {{ outcome = {}",
                quote(id),
                quote(e.outcome.name())
            );
            if let Some(reason) = &e.reason {
                let _ = write!(s, ", reason = {}", quote(reason));
            }
            if let Some(error) = &e.error {
                let _ = write!(s, ", error = {}", quote(error));
            }
            if !e.modes.is_empty() {
                let modes: Vec<String> = e.modes.iter().map(|m| quote(m.name())).collect();
                let _ = write!(s, ", modes = [{}]", modes.join(", "));
            }
            if let Some(o) = e.gc_stress {
                let _ = write!(s, ", gc_stress = {}", quote(o.name()));
            }
            s.push_str(" }\n");
        }
        s
    }
}

/// One case in a module's manifest: `"id" = "pass"`, or
/// `"id" = { outcome = ..., error = ..., reason = ... }` (`reason` hand-written, optional).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum CaseEntry {
    Bare(Outcome),
    Full {
        outcome: Outcome,
        #[serde(default)]
        error: Option<String>,
        #[serde(default)]
        reason: Option<String>,
    },
}

impl CaseEntry {
    pub fn outcome(&self) -> Outcome {
        match self {
            CaseEntry::Bare(o) | CaseEntry::Full { outcome: o, .. } => *o,
        }
    }

    /// The hand-written reason, else the recorded error line.
    pub fn reason(&self) -> Option<&str> {
        match self {
            CaseEntry::Bare(_) => None,
            CaseEntry::Full { reason, error, .. } => reason.as_deref().or(error.as_deref()),
        }
    }

    fn hand_written(&self) -> Option<&str> {
        match self {
            CaseEntry::Full {
                reason: Some(r), ..
            } => Some(r),
            _ => None,
        }
    }
}

/// `regrtest/<module>.toml`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModuleManifest {
    pub status: ModuleStatus,
    /// Why the module does not run: its import error or skip reason as the run reported it.
    #[serde(default)]
    pub error: Option<String>,
    /// The same in words (hand-written; kept by updates while the status stays).
    #[serde(default)]
    pub reason: Option<String>,
    /// How many cases the reference loaded when this was written.
    #[serde(default)]
    pub reference_cases: Option<usize>,
    #[serde(default)]
    pub cases: BTreeMap<String, CaseEntry>,
}

impl ModuleManifest {
    pub fn path(dir: &Path, module: &str) -> PathBuf {
        dir.join("regrtest").join(format!("{module}.toml"))
    }

    /// Every module manifest under `dir/regrtest/`.
    pub fn load_all(dir: &Path) -> Result<BTreeMap<String, ModuleManifest>, String> {
        let mut out = BTreeMap::new();
        let folder = dir.join("regrtest");
        let Ok(entries) = std::fs::read_dir(&folder) else {
            return Ok(out);
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Some(module) = path
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_suffix(".toml"))
            else {
                continue;
            };
            let text = std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            let manifest: ModuleManifest =
                toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            out.insert(module.to_string(), manifest);
        }
        Ok(out)
    }

    /// What the manifest expects of case `id`.
    pub fn expected(&self, id: &str) -> Expectation {
        match self.status {
            ModuleStatus::ImportError | ModuleStatus::Skipped => Expectation::Fails(Outcome::Error),
            ModuleStatus::Ran => match self.cases.get(id).map(CaseEntry::outcome) {
                Some(o) if o.is_pass() => Expectation::Pass,
                Some(o) => Expectation::Fails(o),
                None => Expectation::Unrecorded,
            },
        }
    }

    /// The manifest a run implies, keeping `old`'s hand-written reasons for cases that still fail.
    pub fn updated(
        old: Option<&ModuleManifest>,
        run: &ModuleRun,
        reference_cases: usize,
    ) -> ModuleManifest {
        let same_status = old.is_some_and(|o| o.status == run.status);
        let (error, reason) = match run.status {
            ModuleStatus::Ran => (None, None),
            _ if same_status => (run.error.clone(), old.and_then(|o| o.reason.clone())),
            _ => (run.error.clone(), None),
        };
        let mut cases = BTreeMap::new();
        if run.status == ModuleStatus::Ran {
            for c in &run.cases {
                let old_entry = old.and_then(|o| o.cases.get(&c.id));
                let old_failure = old_entry.filter(|e| !e.outcome().is_pass());
                let outcome = match c.outcome {
                    Outcome::Xpass => Outcome::Pass,
                    // An expected failure that failed: the kind recorded before, else `fail`.
                    Outcome::Xfail => old_failure.map_or(Outcome::Fail, CaseEntry::outcome),
                    o => o,
                };
                let entry = if outcome.is_pass() {
                    CaseEntry::Bare(Outcome::Pass)
                } else {
                    CaseEntry::Full {
                        outcome,
                        error: Some(default_reason(outcome, c.error.as_deref())),
                        reason: old_failure
                            .and_then(CaseEntry::hand_written)
                            .map(String::from),
                    }
                };
                cases.insert(c.id.clone(), entry);
            }
        }
        ModuleManifest {
            status: run.status,
            error,
            reason,
            reference_cases: Some(reference_cases),
            cases,
        }
    }

    /// The worker's expectations file: expected failures for recorded failures and crashes,
    /// skips for recorded timeouts (a hung case costs the whole per-case limit on every run).
    pub fn worker_file(&self) -> Option<String> {
        if self.status != ModuleStatus::Ran {
            return None;
        }
        let mut s = String::new();
        for (id, entry) in &self.cases {
            let id = id.replace(['\t', '\n'], " ");
            match entry.outcome() {
                Outcome::Fail | Outcome::Error | Outcome::Crash | Outcome::Xfail => {
                    let _ = writeln!(s, "xfail\t{id}");
                }
                Outcome::Timeout => {
                    let why = entry
                        .reason()
                        .unwrap_or("timed out")
                        .replace(['\t', '\n'], " ");
                    let _ = writeln!(
                        s,
                        "skip\t{id}\tprotopy timed out here when the manifest was updated ({why})"
                    );
                }
                Outcome::Pass | Outcome::Xpass | Outcome::Skip => {}
            }
        }
        (!s.is_empty()).then_some(s)
    }

    pub fn to_toml(&self, module: &str) -> String {
        let mut s = format!(
            "# {module} under protopy: its status and each case's outcome when this was last updated by\n\
             # `cargo xtask conformance --update-expectations`. A case recorded as \"pass\" that fails\n\
             # is a regression. `error` is the first error line, rewritten by every update; add\n\
             # `reason = \"...\"` by hand to say why in words: updates keep it while the case fails.\n"
        );
        let status = match self.status {
            ModuleStatus::Ran => "ran",
            ModuleStatus::ImportError => "import-error",
            ModuleStatus::Skipped => "skipped",
        };
        let _ = writeln!(s, "status = {}", quote(status));
        if let Some(reason) = &self.reason {
            let _ = writeln!(s, "reason = {}", quote(reason));
        }
        if let Some(error) = &self.error {
            let _ = writeln!(s, "error = {}", quote(error));
        }
        if let Some(n) = self.reference_cases {
            let _ = writeln!(s, "reference_cases = {n}");
        }
        if !self.cases.is_empty() {
            s.push_str("\n[cases]\n");
            for (id, entry) in &self.cases {
                match entry {
                    CaseEntry::Bare(o) => {
                        let _ = writeln!(s, "{} = {}", quote(id), quote(o.name()));
                    }
                    CaseEntry::Full {
                        outcome,
                        error,
                        reason,
                    } => {
                        let _ = write!(s, "{} = {{ outcome = {}", quote(id), quote(outcome.name()));
                        if let Some(r) = reason {
                            let _ = write!(s, ", reason = {}", quote(r));
                        }
                        if let Some(e) = error {
                            let _ = write!(s, ", error = {}", quote(e));
                        }
                        s.push_str(" }\n");
                    }
                }
            }
        }
        s
    }
}

/// How long a snapshot case may run: its mode's limit, or
/// [`snapshots::EXPECTED_TIMEOUT_LIMIT`](crate::snapshots::EXPECTED_TIMEOUT_LIMIT) when the
/// manifest records it as timing out in that mode.
pub fn time_limit(
    manifest: &SnapshotManifest,
    case: &crate::snapshots::Case,
    mode: Mode,
) -> std::time::Duration {
    match manifest.expected(&case.id, mode) {
        Expectation::Fails(Outcome::Timeout) => crate::snapshots::EXPECTED_TIMEOUT_LIMIT,
        _ => mode.time_limit(),
    }
}

/// The reason written for a new failure: its first error line.
pub fn default_reason(outcome: Outcome, error: Option<&str>) -> String {
    match error {
        Some(e) if !e.trim().is_empty() => e.trim().to_string(),
        _ => format!("{outcome} under protopy"),
    }
}

/// A TOML basic string.
pub fn quote(text: &str) -> String {
    let mut s = String::with_capacity(text.len() + 2);
    s.push('"');
    for c in text.chars() {
        match c {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            '\n' => s.push_str("\\n"),
            '\t' => s.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(s, "\\u{:04X}", c as u32);
            }
            c => s.push(c),
        }
    }
    s.push('"');
    s
}

/// Writes `text` to `path` unless it already holds it; true when it wrote.
pub fn write_if_changed(path: &Path, text: &str) -> Result<bool, String> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == text) {
        return Ok(false);
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(true)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[path = "tests.rs"]
mod tests;
