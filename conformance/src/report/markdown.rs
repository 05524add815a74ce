//! `docs/conformance/report.md`: the report as Markdown.

use super::{percent, Report};
use crate::regrtest::ModuleStatus;
use std::fmt::Write as _;

/// Changed cases listed per kind before "and N more".
const LIST_LIMIT: usize = 40;
/// Blockers shown.
const BLOCKERS_SHOWN: usize = 25;

/// A table cell: pipes escaped, newlines flattened, long text cut.
pub fn cell(text: &str) -> String {
    let flat = text.replace('|', "\\|").replace(['\n', '\r'], " ");
    if flat.chars().count() > 140 {
        let cut: String = flat.chars().take(139).collect();
        format!("{cut}…")
    } else {
        flat
    }
}

/// Inline code that survives backticks in its text.
pub fn code(text: &str) -> String {
    let text = cell(text);
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}

pub fn status_label(status: ModuleStatus) -> &'static str {
    match status {
        ModuleStatus::Ran => "ran",
        ModuleStatus::ImportError => "import error",
        ModuleStatus::Skipped => "skipped",
    }
}

impl Report {
    pub fn markdown(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "# protopy conformance report\n");
        let commit = self
            .commit
            .as_deref()
            .map_or(String::new(), |c| format!(" at commit `{c}`"));
        let _ = writeln!(
            s,
            "Generated {}{commit} against CPython {} by `cargo xtask conformance` ({} jobs). \
             [index.html](index.html) shows the same data with charts and a sortable table; \
             `report.json` is the machine-readable form.\n",
            self.generated, self.reference_version, self.jobs
        );
        self.totals(&mut s);
        self.slices(&mut s);
        self.changes_section(&mut s);
        self.blockers_section(&mut s);
        self.modules(&mut s);
        self.snapshot_cases(&mut s);
        s
    }

    fn totals(&self, s: &mut String) {
        let _ = writeln!(s, "## Totals\n");
        let _ = writeln!(s, "| track | cases | pass under CPython | pass under protopy | % |\n|---|---:|---:|---:|---:|");
        if let Some(a) = &self.tracks.ast {
            let _ = writeln!(
                s,
                "| AST: files of `Lib/` CPython accepts, `ast.dump` identical | {} | {} | {} | {:.2} |",
                a.accepted,
                a.accepted,
                a.dump_identical,
                percent(a.dump_identical, a.accepted)
            );
            let _ = writeln!(
                s,
                "| AST: ... with positions | {} | {} | {} | {:.2} |",
                a.accepted,
                a.accepted,
                a.positions_identical,
                percent(a.positions_identical, a.accepted)
            );
            let _ = writeln!(
                s,
                "| AST: files CPython rejects, rejected | {} | {} | {} | {:.2} |",
                a.rejected,
                a.rejected,
                a.rejected_by_protopy,
                percent(a.rejected_by_protopy, a.rejected)
            );
        }
        if let Some(t) = &self.tracks.snapshots {
            let _ = writeln!(
                s,
                "| snapshots | {} | {} | {} | {:.2} |",
                t.cases,
                t.cases,
                t.passing_normal,
                percent(t.passing_normal, t.cases)
            );
            let _ = writeln!(
                s,
                "| snapshots under `PROTOPY_GC_STRESS=1` | {} | {} | {} | {:.2} |",
                t.cases,
                t.cases,
                t.passing_gc_stress,
                percent(t.passing_gc_stress, t.cases)
            );
        }
        if let Some(r) = &self.tracks.regrtest {
            let _ = writeln!(
                s,
                "| regrtest, slice `{}` ({} modules) | {} | {} | {} | {:.2} |",
                r.slice,
                r.modules_run,
                r.cases,
                r.reference_pass,
                r.protopy_pass,
                percent(r.protopy_pass, r.reference_pass)
            );
        }
        let _ = writeln!(
            s,
            "\nThe percentage is of the cases that pass under CPython. The AST track's details are in \
             [ast.md](ast.md)."
        );
        if let Some(r) = &self.tracks.regrtest {
            let _ = writeln!(
                s,
                "Regrtest timing: {:.0} s wall; the reference's modules took {:.0} s of process time \
                 ({} of {} from the cache), protopy's {:.0} s.",
                r.wall_seconds, r.reference_seconds, r.reference_cached, r.modules_run, r.protopy_seconds
            );
        }
        s.push('\n');
    }

    fn slices(&self, s: &mut String) {
        let Some(r) = &self.tracks.regrtest else {
            return;
        };
        let _ = writeln!(s, "## Slices\n");
        let _ = writeln!(s, "| slice | modules | cases | pass under CPython | pass under protopy | % |\n|---|---:|---:|---:|---:|---:|");
        for t in &r.slices {
            let covered = if t.modules < t.modules_in_slice {
                format!("{} of {}", t.modules, t.modules_in_slice)
            } else {
                t.modules.to_string()
            };
            let _ = writeln!(
                s,
                "| `{}`: {} | {covered} | {} | {} | {} | {:.2} |",
                t.name,
                cell(&t.description),
                t.cases,
                t.reference_pass,
                t.protopy_pass,
                percent(t.protopy_pass, t.reference_pass)
            );
        }
        s.push('\n');
    }

    fn changes_section(&self, s: &mut String) {
        let _ = writeln!(s, "## Change since the last report\n");
        let Some(c) = &self.changes else {
            let _ = writeln!(s, "No previous report.json to compare with.\n");
            return;
        };
        let _ = writeln!(
            s,
            "Against the report of {}: **{} fixed, {} regressed, {} new**.\n",
            c.previous,
            c.fixed.len(),
            c.regressed.len(),
            c.new.len()
        );
        for (label, list) in [
            ("Regressed", &c.regressed),
            ("Fixed", &c.fixed),
            ("New", &c.new),
        ] {
            if list.is_empty() {
                continue;
            }
            let _ = writeln!(s, "{label}:\n");
            for id in list.iter().take(LIST_LIMIT) {
                let _ = writeln!(s, "- {}", code(id));
            }
            if list.len() > LIST_LIMIT {
                let _ = writeln!(
                    s,
                    "- ... and {} more (report.json has them all)",
                    list.len() - LIST_LIMIT
                );
            }
            s.push('\n');
        }
    }

    fn blockers_section(&self, s: &mut String) {
        let _ = writeln!(s, "## Top blockers\n");
        if self.blockers.is_empty() {
            let _ = writeln!(
                s,
                "None: every case that passes under CPython passes under protopy.\n"
            );
            return;
        }
        let _ = writeln!(
            s,
            "Failures of cases that pass under CPython, grouped by their first error line (numbers, \
             addresses and quoted names normalized), most cases first. The first line is the next \
             most valuable fix.\n"
        );
        let _ = writeln!(
            s,
            "| # | cases blocked | first error line | where |\n|---:|---:|---|---|"
        );
        for (i, b) in self.blockers.iter().take(BLOCKERS_SHOWN).enumerate() {
            let more = b.place_count.saturating_sub(b.places.len());
            let mut places = b
                .places
                .iter()
                .map(|p| format!("`{p}`"))
                .collect::<Vec<_>>()
                .join(", ");
            if more > 0 {
                let _ = write!(places, " and {more} more");
            }
            let _ = writeln!(
                s,
                "| {} | {} | {} | {places} |",
                i + 1,
                b.cases,
                code(&b.example)
            );
        }
        s.push('\n');
    }

    fn modules(&self, s: &mut String) {
        let Some(r) = &self.tracks.regrtest else {
            return;
        };
        let _ = writeln!(s, "## Modules\n");
        let _ = writeln!(
            s,
            "`cases`: what the reference loaded; `CPython`/`protopy`: cases passing under each (protopy's \
             counted among CPython's).\n"
        );
        let _ = writeln!(s, "| module | slices | cases | CPython | protopy | % | protopy status |\n|---|---|---:|---:|---:|---:|---|");
        for m in &r.modules {
            let status = match (&m.protopy_status, &m.protopy_error) {
                (ModuleStatus::Ran, None) => "ran".to_string(),
                (status, Some(e)) => match self.blocker_rank(e) {
                    Some(rank) => format!("{} (blocker {rank})", status_label(*status)),
                    None => format!("{}: {}", status_label(*status), code(e)),
                },
                (status, None) => status_label(*status).to_string(),
            };
            let reference = match (m.reference_status, &m.reference_error) {
                (ModuleStatus::Ran, _) => m.reference_pass.to_string(),
                (status, Some(e)) => format!("{} ({})", status_label(status), cell(e)),
                (status, None) => status_label(status).to_string(),
            };
            let _ = writeln!(
                s,
                "| `{}` | {} | {} | {reference} | {} | {:.1} | {status} |",
                m.module,
                m.slices.join(", "),
                m.cases,
                m.protopy_pass,
                m.percent
            );
        }
        s.push('\n');
    }

    fn snapshot_cases(&self, s: &mut String) {
        let Some(t) = &self.tracks.snapshots else {
            return;
        };
        let _ = writeln!(s, "## Snapshot cases\n");
        if t.results.is_empty() {
            let _ = writeln!(s, "No cases in `conformance/cases/`.\n");
            return;
        }
        let _ = writeln!(
            s,
            "| case | normal | GC stress | first error line |\n|---|---|---|---|"
        );
        for r in &t.results {
            let error = r.error.as_deref().map_or(String::new(), code);
            let _ = writeln!(
                s,
                "| `{}` | {} | {} | {error} |",
                r.id, r.normal, r.gc_stress
            );
        }
        s.push('\n');
    }
}
