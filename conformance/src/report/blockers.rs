//! The top blockers: every case that passes under the reference but not under protopy, grouped by
//! the normalized first error line of its failure and ranked by how many cases each line blocks.
//! A module protopy cannot load blocks all of its reference-passing cases with one line, so the
//! first blocker is the next most valuable fix.

use crate::normalize::signature;
use crate::regrtest::run::ModulePair;
use crate::regrtest::ModuleStatus;
use crate::snapshots::CaseResult;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// Examples kept per blocker.
const EXAMPLES: usize = 8;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Blocker {
    /// The normalized error line (the grouping key).
    pub signature: String,
    /// Cases it blocks.
    pub cases: usize,
    /// One error line as it was printed.
    pub example: String,
    /// Where: module names and snapshot case ids, most cases first (a few).
    pub places: Vec<String>,
    /// How many places in all.
    pub place_count: usize,
}

#[derive(Default)]
struct Group {
    cases: usize,
    example: String,
    places: BTreeMap<String, usize>,
}

/// The blockers of a run, most cases first.
pub fn find(snapshots: &[CaseResult], modules: &[ModulePair], limit: usize) -> Vec<Blocker> {
    let mut groups: BTreeMap<String, Group> = BTreeMap::new();
    let mut add = |line: &str, place: &str, cases: usize| {
        if cases == 0 {
            return;
        }
        let g = groups.entry(signature(line)).or_default();
        if g.example.is_empty() {
            g.example = line.chars().take(300).collect();
        }
        g.cases += cases;
        *g.places.entry(place.to_string()).or_default() += cases;
    };
    for p in modules {
        let ref_pass: HashSet<&str> = p
            .reference
            .cases
            .iter()
            .filter(|c| c.outcome.is_pass())
            .map(|c| c.id.as_str())
            .collect();
        match p.protopy.status {
            ModuleStatus::Ran => {
                for c in &p.protopy.cases {
                    if !c.outcome.is_pass() && ref_pass.contains(c.id.as_str()) {
                        let line = c
                            .error
                            .clone()
                            .unwrap_or_else(|| c.outcome.name().to_string());
                        add(&line, &p.module, 1);
                    }
                }
            }
            ModuleStatus::ImportError | ModuleStatus::Skipped => {
                let line = p
                    .protopy
                    .error
                    .clone()
                    .unwrap_or_else(|| "the module did not load".to_string());
                add(&line, &p.module, ref_pass.len());
            }
        }
    }
    // A snapshot case counts once, with its normal-mode error when that mode fails.
    let mut by_case: BTreeMap<&str, Vec<&CaseResult>> = BTreeMap::new();
    for r in snapshots {
        by_case.entry(r.id.as_str()).or_default().push(r);
    }
    for (id, runs) in by_case {
        let failing = runs
            .iter()
            .filter(|r| !r.outcome.is_pass())
            .min_by_key(|r| r.mode);
        if let Some(r) = failing {
            let line = r
                .error
                .clone()
                .unwrap_or_else(|| r.outcome.name().to_string());
            add(&line, &format!("snapshots/{id}"), 1);
        }
    }
    let mut out: Vec<Blocker> = groups
        .into_iter()
        .map(|(signature, g)| {
            let mut places: Vec<(String, usize)> = g.places.into_iter().collect();
            places.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            Blocker {
                signature,
                cases: g.cases,
                example: g.example,
                place_count: places.len(),
                places: places.into_iter().take(EXAMPLES).map(|(p, _)| p).collect(),
            }
        })
        .collect();
    out.sort_by(|a, b| b.cases.cmp(&a.cases).then(a.signature.cmp(&b.signature)));
    out.truncate(limit);
    out
}
