//! The AST track's results: per-file outcomes, totals, the `--check` gate, mismatches grouped by
//! signature, and the `docs/conformance/ast.{json,md}` renderings.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write;

/// A syntax error as CPython or protopy reports it. `offset` is CPython's 1-based character column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorInfo {
    #[serde(rename = "type")]
    pub kind: String,
    pub msg: String,
    pub lineno: Option<i64>,
    pub offset: Option<i64>,
}

impl ErrorInfo {
    /// Same exception type, message and line: what the track requires of a rejected file.
    pub fn same_as(&self, other: &ErrorInfo) -> bool {
        self.kind == other.kind && self.msg == other.msg && self.lineno == other.lineno
    }

    fn describe(&self) -> String {
        let line = self
            .lineno
            .map_or(String::new(), |l| format!(" (line {l})"));
        format!("{}: {}{line}", self.kind, self.msg)
    }
}

/// How a file CPython accepts went wrong under protopy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MismatchKind {
    /// protopy panicked.
    Crash,
    /// protopy raised a syntax error.
    Rejected,
    /// `ast.dump(tree)` differs.
    Dump,
    /// `ast.dump(tree)` is identical but `include_attributes=True` differs.
    Positions,
}

impl MismatchKind {
    fn label(self) -> &'static str {
        match self {
            MismatchKind::Crash => "crash",
            MismatchKind::Rejected => "rejected",
            MismatchKind::Dump => "dump",
            MismatchKind::Positions => "positions",
        }
    }
}

/// One file CPython accepts that protopy does not reproduce exactly.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mismatch {
    pub path: String,
    pub kind: MismatchKind,
    pub signature: String,
    /// Byte offset of the first difference in the dump (dump and positions kinds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<usize>,
    /// The reference dump around the first difference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// The protopy dump around the first difference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protopy: Option<String>,
    /// protopy's error (rejected kind).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorInfo>,
    /// The panic message and place (crash kind).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub panic: Option<String>,
}

/// What protopy did with a file CPython rejects.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "verdict")]
pub enum Verdict {
    Rejected { error: ErrorInfo },
    Accepted,
    Crash { panic: String },
}

/// A file CPython rejects, and what protopy made of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RejectedFile {
    pub path: String,
    pub reference: ErrorInfo,
    pub protopy: Verdict,
    /// protopy rejected it with the same type, message and line.
    pub same_error: bool,
}

/// The outcome of one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileOutcome {
    /// CPython accepts it and both protopy dumps are identical.
    Identical {
        path: String,
    },
    Mismatch(Mismatch),
    Rejected(RejectedFile),
    /// The harness could not judge the file (unreadable, no reference record, ...).
    HarnessError {
        path: String,
        error: String,
    },
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub files: usize,
    pub bytes: u64,
    /// Files CPython accepts.
    pub accepted: usize,
    pub dump_identical: usize,
    pub positions_identical: usize,
    /// Accepted files protopy rejects.
    pub wrongly_rejected: usize,
    /// Files CPython rejects.
    pub rejected: usize,
    pub rejected_by_protopy: usize,
    pub rejected_same_error: usize,
    /// protopy panics, on any file.
    pub crashes: usize,
    pub harness_errors: usize,
}

impl Totals {
    pub fn from_outcomes(outcomes: &[FileOutcome]) -> Totals {
        let mut t = Totals {
            files: outcomes.len(),
            ..Totals::default()
        };
        for o in outcomes {
            match o {
                FileOutcome::Identical { .. } => {
                    t.accepted += 1;
                    t.dump_identical += 1;
                    t.positions_identical += 1;
                }
                FileOutcome::Mismatch(m) => {
                    t.accepted += 1;
                    match m.kind {
                        MismatchKind::Positions => t.dump_identical += 1,
                        MismatchKind::Rejected => t.wrongly_rejected += 1,
                        MismatchKind::Crash => t.crashes += 1,
                        MismatchKind::Dump => {}
                    }
                }
                FileOutcome::Rejected(r) => {
                    t.rejected += 1;
                    match r.protopy {
                        Verdict::Rejected { .. } => t.rejected_by_protopy += 1,
                        Verdict::Crash { .. } => t.crashes += 1,
                        Verdict::Accepted => {}
                    }
                    t.rejected_same_error += usize::from(r.same_error);
                }
                FileOutcome::HarnessError { .. } => t.harness_errors += 1,
            }
        }
        t
    }

    pub fn dump_percent(&self) -> f64 {
        percent(self.dump_identical, self.accepted)
    }

    pub fn positions_percent(&self) -> f64 {
        percent(self.positions_identical, self.accepted)
    }
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}

/// The `--check` thresholds, in tenths of a percent so that the comparison is exact.
pub const MIN_DUMP_PERMILLE: usize = 999;
pub const MIN_POSITIONS_PERMILLE: usize = 990;

/// Why the gate fails; empty when it passes.
pub fn gate_failures(t: &Totals) -> Vec<String> {
    let mut out = Vec::new();
    if t.accepted == 0 {
        out.push("no file was accepted by CPython: nothing was compared".to_string());
    }
    if t.dump_identical * 1000 < t.accepted * MIN_DUMP_PERMILLE {
        out.push(format!(
            "ast.dump identical on {:.2}% of accepted files ({}/{}); at least 99.9% is required",
            t.dump_percent(),
            t.dump_identical,
            t.accepted
        ));
    }
    if t.positions_identical * 1000 < t.accepted * MIN_POSITIONS_PERMILLE {
        out.push(format!(
            "positions identical on {:.2}% of accepted files ({}/{}); at least 99% is required",
            t.positions_percent(),
            t.positions_identical,
            t.accepted
        ));
    }
    if t.rejected_by_protopy < t.rejected {
        out.push(format!(
            "protopy rejects {} of the {} files CPython rejects; all are required",
            t.rejected_by_protopy, t.rejected
        ));
    }
    if t.crashes > 0 {
        out.push(format!("protopy panicked on {} file(s)", t.crashes));
    }
    if t.harness_errors > 0 {
        out.push(format!(
            "{} file(s) could not be judged (harness errors)",
            t.harness_errors
        ));
    }
    out
}

/// Mismatches sharing a kind and signature.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    pub kind: MismatchKind,
    pub signature: String,
    pub count: usize,
    /// Up to [`GROUP_FILES`] of its files, in path order.
    pub files: Vec<String>,
}

/// How many files a group lists.
pub const GROUP_FILES: usize = 20;

/// Groups mismatches by (kind, signature), most files first, then by kind and signature.
pub fn group(mismatches: &[Mismatch]) -> Vec<Group> {
    let mut by_key: BTreeMap<(MismatchKind, &str), Vec<&str>> = BTreeMap::new();
    for m in mismatches {
        by_key
            .entry((m.kind, m.signature.as_str()))
            .or_default()
            .push(m.path.as_str());
    }
    let mut groups: Vec<Group> = by_key
        .into_iter()
        .map(|((kind, signature), mut files)| {
            files.sort_unstable();
            Group {
                kind,
                signature: signature.to_string(),
                count: files.len(),
                files: files
                    .into_iter()
                    .take(GROUP_FILES)
                    .map(str::to_string)
                    .collect(),
            }
        })
        .collect();
    groups.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(a.kind.cmp(&b.kind))
            .then(a.signature.cmp(&b.signature))
    });
    groups
}

/// The whole report, as written to `docs/conformance/ast.json`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Report {
    pub track: String,
    pub reference_version: String,
    pub jobs: usize,
    pub seconds: f64,
    /// Seconds protopy spent parsing and dumping, summed over files.
    pub protopy_seconds: f64,
    pub totals: Totals,
    pub gate_passed: bool,
    pub gate_failures: Vec<String>,
    pub groups: Vec<Group>,
    pub mismatches: Vec<Mismatch>,
    pub rejected_files: Vec<RejectedFile>,
    pub harness_errors: Vec<HarnessError>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HarnessError {
    pub path: String,
    pub error: String,
}

impl Report {
    /// Builds the report from every file's outcome (in any order).
    pub fn new(
        mut outcomes: Vec<FileOutcome>,
        bytes: u64,
        reference_version: &str,
        jobs: usize,
    ) -> Report {
        outcomes.sort_by(|a, b| outcome_path(a).cmp(outcome_path(b)));
        let mut totals = Totals::from_outcomes(&outcomes);
        totals.bytes = bytes;
        let failures = gate_failures(&totals);
        let mut mismatches = Vec::new();
        let mut rejected_files = Vec::new();
        let mut harness_errors = Vec::new();
        for o in outcomes {
            match o {
                FileOutcome::Identical { .. } => {}
                FileOutcome::Mismatch(m) => mismatches.push(m),
                FileOutcome::Rejected(r) => rejected_files.push(r),
                FileOutcome::HarnessError { path, error } => {
                    harness_errors.push(HarnessError { path, error })
                }
            }
        }
        Report {
            track: "ast".to_string(),
            reference_version: reference_version.to_string(),
            jobs,
            seconds: 0.0,
            protopy_seconds: 0.0,
            gate_passed: failures.is_empty(),
            gate_failures: failures,
            groups: group(&mismatches),
            mismatches,
            rejected_files,
            harness_errors,
            totals,
        }
    }

    /// A few lines for the terminal.
    pub fn summary(&self, top: usize) -> String {
        let t = &self.totals;
        let mut s = String::new();
        let _ = writeln!(
            s,
            "AST track: {} files ({:.1} MB) against CPython {} in {:.1} s ({} jobs; protopy {:.1} s of it, summed over files)",
            t.files,
            t.bytes as f64 / 1e6,
            self.reference_version,
            self.seconds,
            self.jobs,
            self.protopy_seconds
        );
        let _ = writeln!(s, "  accepted by CPython:  {}", t.accepted);
        let _ = writeln!(
            s,
            "    ast.dump identical: {} ({:.2}%)",
            t.dump_identical,
            t.dump_percent()
        );
        let _ = writeln!(
            s,
            "    positions identical: {} ({:.2}%)",
            t.positions_identical,
            t.positions_percent()
        );
        let _ = writeln!(s, "    rejected by protopy: {}", t.wrongly_rejected);
        let _ = writeln!(
            s,
            "  rejected by CPython:  {} (protopy rejects {}, with the same error {})",
            t.rejected, t.rejected_by_protopy, t.rejected_same_error
        );
        let _ = writeln!(s, "  crashes (panics):     {}", t.crashes);
        if t.harness_errors > 0 {
            let _ = writeln!(s, "  harness errors:       {}", t.harness_errors);
        }
        if !self.groups.is_empty() {
            let _ = writeln!(s, "  most common first differences:");
            for g in self.groups.iter().take(top) {
                let _ = writeln!(
                    s,
                    "    {:>5}  [{}] {}",
                    g.count,
                    g.kind.label(),
                    g.signature
                );
            }
        }
        if self.gate_passed {
            let _ = writeln!(s, "  gate: PASS");
        } else {
            let _ = writeln!(s, "  gate: FAIL");
            for f in &self.gate_failures {
                let _ = writeln!(s, "    - {f}");
            }
        }
        s
    }

    /// `docs/conformance/ast.md`.
    pub fn markdown(&self) -> String {
        let t = &self.totals;
        let mut s = String::new();
        let _ = writeln!(s, "# AST conformance\n");
        let _ = writeln!(
            s,
            "Generated by `cargo xtask conformance --track ast`: every `.py` file of the reference CPython {}'s `Lib/` \
             (tests included) is parsed by CPython and by protopy, and `ast.dump(tree)` and \
             `ast.dump(tree, include_attributes=True)` are compared byte for byte. Files CPython rejects must be \
             rejected with the same exception type, message and line.\n",
            self.reference_version
        );
        let _ = writeln!(
            s,
            "{} files, {:.1} MB; {:.1} s with {} jobs.\n",
            t.files,
            t.bytes as f64 / 1e6,
            self.seconds,
            self.jobs
        );
        let _ = writeln!(s, "| | files | identical | % |\n|---|---:|---:|---:|");
        let _ = writeln!(
            s,
            "| `ast.dump` (accepted files) | {} | {} | {:.2} |",
            t.accepted,
            t.dump_identical,
            t.dump_percent()
        );
        let _ = writeln!(
            s,
            "| with positions | {} | {} | {:.2} |",
            t.accepted,
            t.positions_identical,
            t.positions_percent()
        );
        let _ = writeln!(
            s,
            "| rejected by CPython: rejected by protopy | {} | {} | {:.2} |",
            t.rejected,
            t.rejected_by_protopy,
            percent(t.rejected_by_protopy, t.rejected)
        );
        let _ = writeln!(
            s,
            "| rejected by CPython: same error | {} | {} | {:.2} |",
            t.rejected,
            t.rejected_same_error,
            percent(t.rejected_same_error, t.rejected)
        );
        let _ = writeln!(
            s,
            "\nAccepted files that protopy rejects: {}. Crashes (panics): {}.",
            t.wrongly_rejected, t.crashes
        );
        if t.harness_errors > 0 {
            let _ = writeln!(
                s,
                "Files the harness could not judge: {}.",
                t.harness_errors
            );
        }
        let _ = writeln!(s, "\n## Gate (`--check`)\n");
        if self.gate_passed {
            let _ = writeln!(s, "PASS.");
        } else {
            let _ = writeln!(s, "FAIL:");
            for f in &self.gate_failures {
                let _ = writeln!(s, "- {f}");
            }
        }
        let _ = writeln!(s, "\n## Mismatches by first difference\n");
        if self.groups.is_empty() {
            let _ = writeln!(s, "None.\n");
        }
        for g in &self.groups {
            let _ = writeln!(
                s,
                "### {} file(s), {}: {}\n",
                g.count,
                g.kind.label(),
                code(&g.signature)
            );
            if let Some(m) = g.files.first().and_then(|f| {
                self.mismatches
                    .iter()
                    .find(|m| &m.path == f && m.kind == g.kind)
            }) {
                match (&m.reference, &m.protopy, &m.error, &m.panic) {
                    (Some(r), Some(p), _, _) => {
                        let at = m
                            .offset
                            .map_or(String::new(), |o| format!(", at byte {o} of the dump"));
                        let _ = writeln!(
                            s,
                            "Example `{}`{at}:\n\n```\nCPython: {r}\nprotopy: {p}\n```\n",
                            m.path
                        );
                    }
                    (_, _, Some(e), _) => {
                        let _ = writeln!(
                            s,
                            "Example `{}`: protopy raised {}\n",
                            m.path,
                            code(&e.describe())
                        );
                    }
                    (_, _, _, Some(p)) => {
                        let _ = writeln!(s, "Example `{}`: {}\n", m.path, code(p));
                    }
                    _ => {}
                }
            }
            let more = g.count.saturating_sub(g.files.len());
            let listed: Vec<String> = g.files.iter().map(|f| format!("`{f}`")).collect();
            let tail = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            let _ = writeln!(s, "Files: {}{tail}.\n", listed.join(", "));
        }
        let _ = writeln!(s, "## Files CPython rejects\n");
        if self.rejected_files.is_empty() {
            let _ = writeln!(s, "None.");
        } else {
            let _ = writeln!(s, "| file | CPython | protopy | same |\n|---|---|---|---|");
            for r in &self.rejected_files {
                let ours = match &r.protopy {
                    Verdict::Rejected { error } => error.describe(),
                    Verdict::Accepted => "accepted".to_string(),
                    Verdict::Crash { panic } => format!("panic: {panic}"),
                };
                let _ = writeln!(
                    s,
                    "| `{}` | {} | {} | {} |",
                    r.path,
                    cell(&r.reference.describe()),
                    cell(&ours),
                    if r.same_error { "yes" } else { "no" }
                );
            }
        }
        if !self.harness_errors.is_empty() {
            let _ = writeln!(s, "\n## Harness errors\n");
            for h in &self.harness_errors {
                let _ = writeln!(s, "- `{}`: {}", h.path, h.error);
            }
        }
        s
    }
}

fn outcome_path(o: &FileOutcome) -> &str {
    match o {
        FileOutcome::Identical { path } | FileOutcome::HarnessError { path, .. } => path,
        FileOutcome::Mismatch(m) => &m.path,
        FileOutcome::Rejected(r) => &r.path,
    }
}

/// Inline code that survives backticks in its text.
fn code(text: &str) -> String {
    let text = text.replace('\n', " ");
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}

/// A table cell: pipes escaped, newlines flattened.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn mismatch(path: &str, kind: MismatchKind, signature: &str) -> FileOutcome {
        FileOutcome::Mismatch(Mismatch {
            path: path.to_string(),
            kind,
            signature: signature.to_string(),
            offset: Some(3),
            reference: Some("Module(".to_string()),
            protopy: Some("Modx".to_string()),
            error: None,
            panic: None,
        })
    }

    fn identical(n: usize) -> Vec<FileOutcome> {
        (0..n)
            .map(|i| FileOutcome::Identical {
                path: format!("ok{i:04}.py"),
            })
            .collect()
    }

    fn error(msg: &str, line: i64) -> ErrorInfo {
        ErrorInfo {
            kind: "SyntaxError".to_string(),
            msg: msg.to_string(),
            lineno: Some(line),
            offset: Some(1),
        }
    }

    fn rejected(path: &str, protopy: Verdict) -> FileOutcome {
        let reference = error("invalid syntax", 2);
        let same_error =
            matches!(&protopy, Verdict::Rejected { error } if error.same_as(&reference));
        FileOutcome::Rejected(RejectedFile {
            path: path.to_string(),
            reference,
            protopy,
            same_error,
        })
    }

    #[test]
    fn totals_count_each_kind() {
        let mut o = identical(5);
        o.push(mismatch("a.py", MismatchKind::Positions, "s"));
        o.push(mismatch("b.py", MismatchKind::Dump, "s"));
        o.push(mismatch("c.py", MismatchKind::Rejected, "s"));
        o.push(mismatch("d.py", MismatchKind::Crash, "s"));
        o.push(rejected(
            "e.py",
            Verdict::Rejected {
                error: error("invalid syntax", 2),
            },
        ));
        o.push(rejected(
            "f.py",
            Verdict::Rejected {
                error: error("invalid syntax", 3),
            },
        ));
        o.push(rejected("g.py", Verdict::Accepted));
        o.push(rejected(
            "h.py",
            Verdict::Crash {
                panic: "boom".to_string(),
            },
        ));
        let t = Totals::from_outcomes(&o);
        assert_eq!(t.files, 13);
        assert_eq!(t.accepted, 9);
        assert_eq!(t.dump_identical, 6);
        assert_eq!(t.positions_identical, 5);
        assert_eq!(t.wrongly_rejected, 1);
        assert_eq!(t.rejected, 4);
        assert_eq!(t.rejected_by_protopy, 2);
        assert_eq!(t.rejected_same_error, 1);
        assert_eq!(t.crashes, 2);
    }

    #[test]
    fn the_gate_holds_at_exactly_the_thresholds() {
        // 999 of 1000 identical dumps is 99.9%: enough. 990 of 1000 positions is 99%: enough.
        let mut o = identical(990);
        o.extend((0..9).map(|i| mismatch(&format!("p{i}.py"), MismatchKind::Positions, "s")));
        o.push(mismatch("d.py", MismatchKind::Dump, "s"));
        let t = Totals::from_outcomes(&o);
        assert_eq!(
            (t.accepted, t.dump_identical, t.positions_identical),
            (1000, 999, 990)
        );
        assert_eq!(gate_failures(&t), Vec::<String>::new());
    }

    #[test]
    fn the_gate_fails_just_below_the_thresholds() {
        let mut o = identical(989);
        o.extend((0..9).map(|i| mismatch(&format!("p{i}.py"), MismatchKind::Positions, "s")));
        o.extend((0..2).map(|i| mismatch(&format!("d{i}.py"), MismatchKind::Dump, "s")));
        let t = Totals::from_outcomes(&o);
        assert_eq!(
            (t.accepted, t.dump_identical, t.positions_identical),
            (1000, 998, 989)
        );
        let f = gate_failures(&t);
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(f[0].contains("99.80%"), "{}", f[0]);
        assert!(f[1].contains("98.90%"), "{}", f[1]);
    }

    #[test]
    fn the_gate_requires_every_rejection_and_no_crash() {
        let mut o = identical(100);
        o.push(rejected(
            "r.py",
            Verdict::Rejected {
                error: error("other message", 9),
            },
        ));
        assert!(
            gate_failures(&Totals::from_outcomes(&o)).is_empty(),
            "a different message still counts as rejected"
        );
        o.push(rejected("s.py", Verdict::Accepted));
        let f = gate_failures(&Totals::from_outcomes(&o));
        assert_eq!(f.len(), 1);
        assert!(f[0].contains("rejects 1 of the 2"), "{}", f[0]);
        let mut o = identical(100);
        o.push(rejected(
            "t.py",
            Verdict::Crash {
                panic: "boom".to_string(),
            },
        ));
        let f = gate_failures(&Totals::from_outcomes(&o));
        assert!(f.iter().any(|f| f.contains("panicked on 1")), "{f:?}");
        assert!(
            !gate_failures(&Totals::default()).is_empty(),
            "comparing nothing never passes"
        );
    }

    #[test]
    fn groups_put_the_most_common_first() {
        let m = |p: &str, k, s: &str| match mismatch(p, k, s) {
            FileOutcome::Mismatch(m) => m,
            _ => unreachable!(),
        };
        let ms = vec![
            m("z.py", MismatchKind::Dump, "rare"),
            m("b.py", MismatchKind::Dump, "common"),
            m("a.py", MismatchKind::Dump, "common"),
            m("c.py", MismatchKind::Positions, "common"),
            m("d.py", MismatchKind::Dump, "common"),
        ];
        let g = group(&ms);
        assert_eq!(g.len(), 3);
        assert_eq!(
            (g[0].kind, g[0].signature.as_str(), g[0].count),
            (MismatchKind::Dump, "common", 3)
        );
        assert_eq!(g[0].files, ["a.py", "b.py", "d.py"]);
        // Ties: kind order (dump before positions), then signature.
        assert_eq!(
            (g[1].kind, g[1].signature.as_str()),
            (MismatchKind::Dump, "rare")
        );
        assert_eq!(
            (g[2].kind, g[2].signature.as_str()),
            (MismatchKind::Positions, "common")
        );
    }

    #[test]
    fn groups_list_a_bounded_number_of_files() {
        let ms: Vec<Mismatch> = (0..50)
            .map(
                |i| match mismatch(&format!("f{i:02}.py"), MismatchKind::Dump, "s") {
                    FileOutcome::Mismatch(m) => m,
                    _ => unreachable!(),
                },
            )
            .collect();
        let g = group(&ms);
        assert_eq!(g[0].count, 50);
        assert_eq!(g[0].files.len(), GROUP_FILES);
    }

    #[test]
    fn the_report_sorts_and_renders() {
        let mut o = identical(3);
        o.insert(
            0,
            mismatch(
                "x.py",
                MismatchKind::Dump,
                "Expr.value: CPython `Constant(`, protopy `Name(`",
            ),
        );
        o.push(rejected("bad.py", Verdict::Accepted));
        o.push(FileOutcome::HarnessError {
            path: "gone.py".to_string(),
            error: "unreadable".to_string(),
        });
        let r = Report::new(o, 1234, "3.14.0", 2);
        assert!(!r.gate_passed);
        assert_eq!(r.mismatches.len(), 1);
        assert_eq!(r.rejected_files.len(), 1);
        assert_eq!(r.harness_errors.len(), 1);
        let md = r.markdown();
        assert!(
            md.contains(
                "### 1 file(s), dump: `` Expr.value: CPython `Constant(`, protopy `Name(` ``"
            ),
            "{md}"
        );
        assert!(
            md.contains("| `bad.py` | SyntaxError: invalid syntax (line 2) | accepted | no |"),
            "{md}"
        );
        assert!(md.contains("FAIL:"));
        let json = serde_json::to_string(&r).unwrap();
        let back: Report = serde_json::from_str(&json).unwrap();
        assert_eq!(back.totals, r.totals);
        assert!(r.summary(5).contains("gate: FAIL"));
    }
}
