//! The compatibility report (`docs/conformance/report.{json,md}` and `index.html`): totals per
//! track, per-slice and per-module tables, the change since the previous report, and the top
//! blockers (failures grouped by their normalized first error line, ranked by the cases each
//! blocks).

pub mod blockers;
pub mod compare;
pub mod html;
pub mod markdown;

use crate::ast_track;
use crate::outcome::Outcome;
use crate::regrtest::run::ModulePair;
use crate::regrtest::slices::Config;
use crate::regrtest::ModuleStatus;
use crate::snapshots::{CaseResult, Mode};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// The report's format version (bumped when a field changes meaning).
pub const FORMAT: u32 = 1;

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Report {
    pub format: u32,
    /// UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    pub generated: String,
    pub reference_version: String,
    /// `git rev-parse --short HEAD`, when known.
    #[serde(default)]
    pub commit: Option<String>,
    pub jobs: usize,
    pub tracks: Tracks,
    /// Against the previous report.json, when there was one.
    #[serde(default)]
    pub changes: Option<compare::Changes>,
    pub blockers: Vec<blockers::Blocker>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Tracks {
    #[serde(default)]
    pub ast: Option<AstSection>,
    #[serde(default)]
    pub snapshots: Option<SnapshotSection>,
    #[serde(default)]
    pub regrtest: Option<RegrtestSection>,
}

/// The AST track's totals (its details are in ast.json and ast.md).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct AstSection {
    pub files: usize,
    pub accepted: usize,
    pub dump_identical: usize,
    pub positions_identical: usize,
    pub rejected: usize,
    pub rejected_by_protopy: usize,
    pub crashes: usize,
    pub gate_passed: bool,
    pub seconds: f64,
}

impl AstSection {
    pub fn from_report(r: &ast_track::report::Report) -> AstSection {
        let t = &r.totals;
        AstSection {
            files: t.files,
            accepted: t.accepted,
            dump_identical: t.dump_identical,
            positions_identical: t.positions_identical,
            rejected: t.rejected,
            rejected_by_protopy: t.rejected_by_protopy,
            crashes: t.crashes,
            gate_passed: r.gate_passed,
            seconds: r.seconds,
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SnapshotSection {
    pub cases: usize,
    pub passing_normal: usize,
    pub passing_gc_stress: usize,
    pub seconds: f64,
    pub results: Vec<SnapshotRow>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SnapshotRow {
    pub id: String,
    pub normal: Outcome,
    pub gc_stress: Outcome,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl SnapshotSection {
    pub fn build(results: &[CaseResult], seconds: f64) -> SnapshotSection {
        let mut rows: BTreeMap<&str, SnapshotRow> = BTreeMap::new();
        for r in results {
            let row = rows.entry(r.id.as_str()).or_insert_with(|| SnapshotRow {
                id: r.id.clone(),
                normal: Outcome::Error,
                gc_stress: Outcome::Error,
                error: None,
            });
            match r.mode {
                Mode::Normal => row.normal = r.outcome,
                Mode::GcStress => row.gc_stress = r.outcome,
            }
            // The normal mode's error says more; the GC stress one only when that is all.
            if !r.outcome.is_pass() && (row.error.is_none() || r.mode == Mode::Normal) {
                row.error = r.error.clone();
            }
        }
        let results: Vec<SnapshotRow> = rows.into_values().collect();
        SnapshotSection {
            cases: results.len(),
            passing_normal: results.iter().filter(|r| r.normal.is_pass()).count(),
            passing_gc_stress: results.iter().filter(|r| r.gc_stress.is_pass()).count(),
            seconds,
            results,
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RegrtestSection {
    /// The slice (or module list) this run covered.
    pub slice: String,
    pub modules_run: usize,
    /// Cases the reference loaded.
    pub cases: usize,
    pub reference_pass: usize,
    /// Cases passing under protopy that also pass under the reference.
    pub protopy_pass: usize,
    /// Summed over modules (seconds of process time, not wall time).
    pub reference_seconds: f64,
    pub protopy_seconds: f64,
    /// Wall time of the whole run.
    pub wall_seconds: f64,
    /// How many reference runs came from the cache.
    pub reference_cached: usize,
    pub slices: Vec<SliceTotals>,
    pub modules: Vec<ModuleRow>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SliceTotals {
    pub name: String,
    pub description: String,
    /// Modules of the slice covered by this run (and the slice's size).
    pub modules: usize,
    pub modules_in_slice: usize,
    pub cases: usize,
    pub reference_pass: usize,
    pub protopy_pass: usize,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ModuleRow {
    pub module: String,
    pub slices: Vec<String>,
    pub cases: usize,
    pub reference_pass: usize,
    pub protopy_pass: usize,
    pub percent: f64,
    pub reference_status: ModuleStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_error: Option<String>,
    pub protopy_status: ModuleStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protopy_error: Option<String>,
    pub reference_seconds: f64,
    pub protopy_seconds: f64,
    #[serde(default)]
    pub restarts: usize,
    /// protopy's cases by outcome, when the module ran under protopy.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub outcomes: BTreeMap<Outcome, Vec<String>>,
}

/// `100 * part / whole`, 0 when there is no whole.
pub fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

impl RegrtestSection {
    /// `available` is every module of the reference (the size of `all = true` slices).
    pub fn build(
        slice: &str,
        pairs: &[ModulePair],
        config: &Config,
        available: &[String],
        wall_seconds: f64,
    ) -> RegrtestSection {
        let mut modules = Vec::new();
        for p in pairs {
            let ref_pass: HashSet<&str> = p
                .reference
                .cases
                .iter()
                .filter(|c| c.outcome.is_pass())
                .map(|c| c.id.as_str())
                .collect();
            let protopy_pass = p
                .protopy
                .cases
                .iter()
                .filter(|c| c.outcome.is_pass() && ref_pass.contains(c.id.as_str()))
                .count();
            let mut outcomes: BTreeMap<Outcome, Vec<String>> = BTreeMap::new();
            for c in &p.protopy.cases {
                outcomes.entry(c.outcome).or_default().push(c.id.clone());
            }
            modules.push(ModuleRow {
                module: p.module.clone(),
                slices: config.slices_of(&p.module),
                cases: p.reference.cases.len(),
                reference_pass: ref_pass.len(),
                protopy_pass,
                percent: percent(protopy_pass, ref_pass.len()),
                reference_status: p.reference.status,
                reference_error: p.reference.error.clone(),
                protopy_status: p.protopy.status,
                protopy_error: p.protopy.error.clone(),
                reference_seconds: p.reference.seconds,
                protopy_seconds: p.protopy.seconds,
                restarts: p.protopy.restarts,
                outcomes,
            });
        }
        modules.sort_by(|a, b| a.module.cmp(&b.module));
        let covered: HashSet<&str> = modules.iter().map(|m| m.module.as_str()).collect();
        let mut slices = Vec::new();
        for name in config.slice_names() {
            let Some(def) = config.slices.get(&name) else {
                continue;
            };
            let rows: Vec<&ModuleRow> = modules
                .iter()
                .filter(|m| m.slices.contains(&name))
                .collect();
            if rows.is_empty() {
                continue;
            }
            let in_slice = if def.all {
                available
                    .iter()
                    .filter(|m| !def.exclude.contains(m))
                    .count()
                    .max(rows.len())
            } else {
                def.modules.len()
            };
            slices.push(SliceTotals {
                name: name.clone(),
                description: def.description.clone(),
                modules: rows
                    .iter()
                    .filter(|m| covered.contains(m.module.as_str()))
                    .count(),
                modules_in_slice: in_slice,
                cases: rows.iter().map(|m| m.cases).sum(),
                reference_pass: rows.iter().map(|m| m.reference_pass).sum(),
                protopy_pass: rows.iter().map(|m| m.protopy_pass).sum(),
            });
        }
        RegrtestSection {
            slice: slice.to_string(),
            modules_run: modules.len(),
            cases: modules.iter().map(|m| m.cases).sum(),
            reference_pass: modules.iter().map(|m| m.reference_pass).sum(),
            protopy_pass: modules.iter().map(|m| m.protopy_pass).sum(),
            reference_seconds: pairs.iter().map(|p| p.reference.seconds).sum(),
            protopy_seconds: pairs.iter().map(|p| p.protopy.seconds).sum(),
            wall_seconds,
            reference_cached: pairs.iter().filter(|p| p.cached).count(),
            slices,
            modules,
        }
    }
}

impl Report {
    /// The 1-based rank of the blocker an error line belongs to.
    pub fn blocker_rank(&self, error: &str) -> Option<usize> {
        let key = crate::normalize::signature(error);
        self.blockers
            .iter()
            .position(|b| b.signature == key)
            .map(|i| i + 1)
    }

    /// Assembles a report; `previous` (the last report.json) gives the changes.
    pub fn new(
        reference_version: &str,
        commit: Option<String>,
        jobs: usize,
        tracks: Tracks,
        blockers: Vec<blockers::Blocker>,
        previous: Option<&Report>,
    ) -> Report {
        let mut report = Report {
            format: FORMAT,
            generated: utc_now(),
            reference_version: reference_version.to_string(),
            commit,
            jobs,
            tracks,
            changes: None,
            blockers,
        };
        report.changes = previous.map(|p| compare::compare(p, &report));
        report
    }
}

/// The time now, `YYYY-MM-DDTHH:MM:SSZ`.
pub fn utc_now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    utc(secs)
}

/// A Unix time as `YYYY-MM-DDTHH:MM:SSZ` (Howard Hinnant's civil-from-days).
pub fn utc(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[path = "tests.rs"]
mod tests;
