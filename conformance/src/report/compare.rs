//! What changed between two reports: cases fixed (passing now, not before), regressed (passing
//! before, not now) and new (not in the older report). Snapshot cases are compared per mode;
//! regrtest cases per id where protopy ran the module in both reports, and through the module's
//! case count where it could not load it (a report keeps no case list for modules protopy did
//! not run, to stay small).

use super::{Report, SnapshotRow};
use crate::outcome::Outcome;
use crate::regrtest::ModuleStatus;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Changes {
    /// When the older report was generated.
    pub previous: String,
    pub fixed: Vec<String>,
    pub regressed: Vec<String>,
    pub new: Vec<String>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.fixed.is_empty() && self.regressed.is_empty() && self.new.is_empty()
    }

    /// The lists as plain text, each bounded by `limit` lines.
    pub fn render(&self, limit: usize) -> String {
        let mut s = format!(
            "since {}: {} fixed, {} regressed, {} new\n",
            self.previous,
            self.fixed.len(),
            self.regressed.len(),
            self.new.len()
        );
        for (label, list) in [
            ("regressed", &self.regressed),
            ("fixed", &self.fixed),
            ("new", &self.new),
        ] {
            if list.is_empty() {
                continue;
            }
            let _ = writeln!(s, "{label}:");
            for id in list.iter().take(limit) {
                let _ = writeln!(s, "  {id}");
            }
            if list.len() > limit {
                let _ = writeln!(s, "  ... and {} more", list.len() - limit);
            }
        }
        s
    }
}

/// The passing state of every snapshot trial: `snapshots/<id>` and `snapshots/<id> [gc-stress]`.
fn snapshot_states(rows: &[SnapshotRow]) -> BTreeMap<String, bool> {
    let mut out = BTreeMap::new();
    for r in rows {
        out.insert(format!("snapshots/{}", r.id), r.normal.is_pass());
        out.insert(
            format!("snapshots/{} [gc-stress]", r.id),
            r.gc_stress.is_pass(),
        );
    }
    out
}

/// The cases and passing states of one module in a report, when protopy ran it.
fn module_states(outcomes: &BTreeMap<Outcome, Vec<String>>) -> BTreeMap<&str, bool> {
    let mut out = BTreeMap::new();
    for (outcome, ids) in outcomes {
        for id in ids {
            out.insert(id.as_str(), outcome.is_pass());
        }
    }
    out
}

/// The changes from `old` to `new`.
pub fn compare(old: &Report, new: &Report) -> Changes {
    let mut changes = Changes {
        previous: old.generated.clone(),
        ..Changes::default()
    };
    if let (Some(o), Some(n)) = (&old.tracks.snapshots, &new.tracks.snapshots) {
        let before = snapshot_states(&o.results);
        for (id, passes) in snapshot_states(&n.results) {
            match before.get(&id) {
                None => changes.new.push(id),
                Some(false) if passes => changes.fixed.push(id),
                Some(true) if !passes => changes.regressed.push(id),
                Some(_) => {}
            }
        }
    }
    if let (Some(o), Some(n)) = (&old.tracks.regrtest, &new.tracks.regrtest) {
        let before: BTreeMap<&str, &super::ModuleRow> =
            o.modules.iter().map(|m| (m.module.as_str(), m)).collect();
        for m in &n.modules {
            let Some(old_row) = before.get(m.module.as_str()) else {
                changes
                    .new
                    .push(format!("{} (module, {} cases)", m.module, m.cases));
                continue;
            };
            let old_states = module_states(&old_row.outcomes);
            let new_states = module_states(&m.outcomes);
            let both_ran = old_row.protopy_status == ModuleStatus::Ran
                && m.protopy_status == ModuleStatus::Ran;
            for (id, passes) in &new_states {
                match (old_states.get(id), *passes) {
                    (Some(false), true) => changes.fixed.push(format!("{}: {id}", m.module)),
                    (None, _) if both_ran => changes.new.push(format!("{}: {id}", m.module)),
                    // The module did not run under protopy before: a pass now is a fix.
                    (None, true) => changes.fixed.push(format!("{}: {id}", m.module)),
                    _ => {}
                }
            }
            let old_ids: BTreeSet<&str> = old_states.keys().copied().collect();
            for id in old_ids {
                let was = old_states.get(id).copied().unwrap_or(false);
                let now = new_states.get(id).copied().unwrap_or(false);
                if was && !now {
                    changes.regressed.push(format!("{}: {id}", m.module));
                }
            }
            if !both_ran && m.cases > old_row.cases {
                changes.new.push(format!(
                    "{}: {} more case(s) under the reference",
                    m.module,
                    m.cases - old_row.cases
                ));
            }
        }
    }
    changes
}
