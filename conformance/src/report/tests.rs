//! Tests of the report: totals, blockers, changes and both renderings.

use super::*;
use crate::regrtest::{CaseResult as RegrCase, ModuleRun};

fn run(
    module: &str,
    status: ModuleStatus,
    error: Option<&str>,
    cases: &[(&str, Outcome, Option<&str>)],
) -> ModuleRun {
    ModuleRun {
        module: module.to_string(),
        status,
        error: error.map(String::from),
        cases: cases
            .iter()
            .map(|(id, outcome, error)| RegrCase {
                id: id.to_string(),
                outcome: *outcome,
                duration: 0.01,
                error: error.map(String::from),
            })
            .collect(),
        seconds: 0.5,
        restarts: 0,
    }
}

const NOT_YET: &str = "NotImplementedError: executing Python code needs the interpreter, which is not built yet (issue 3)";

fn config() -> Config {
    Config::parse(
        r#"
[limits]
case_timeout = 60
module_timeout = 600
max_restarts = 10
[slices.quick]
description = "fast ones"
modules = ["test_a"]
[slices.all]
description = "everything"
all = true
"#,
    )
    .unwrap()
}

fn available() -> Vec<String> {
    ["test_a", "test_b", "test_tk", "test_other"]
        .map(String::from)
        .to_vec()
}

fn pairs_today() -> Vec<ModulePair> {
    let reference_a = run(
        "test_a",
        ModuleStatus::Ran,
        None,
        &[
            ("T.one", Outcome::Pass, None),
            ("T.two", Outcome::Pass, None),
            ("T.env", Outcome::Error, Some("OSError: no")),
        ],
    );
    let reference_b = run(
        "test_b",
        ModuleStatus::Ran,
        None,
        &[("U.x", Outcome::Pass, None)],
    );
    let reference_tk = run(
        "test_tk",
        ModuleStatus::Skipped,
        Some("No module named '_tkinter'"),
        &[],
    );
    vec![
        ModulePair {
            module: "test_a".to_string(),
            protopy: run("test_a", ModuleStatus::ImportError, Some(NOT_YET), &[]),
            reference: reference_a,
            cached: false,
        },
        ModulePair {
            module: "test_b".to_string(),
            protopy: run("test_b", ModuleStatus::ImportError, Some(NOT_YET), &[]),
            reference: reference_b,
            cached: true,
        },
        ModulePair {
            module: "test_tk".to_string(),
            protopy: run("test_tk", ModuleStatus::ImportError, Some(NOT_YET), &[]),
            reference: reference_tk,
            cached: true,
        },
    ]
}

fn pairs_later() -> Vec<ModulePair> {
    let mut pairs = pairs_today();
    pairs[0].protopy = run(
        "test_a",
        ModuleStatus::Ran,
        None,
        &[
            ("T.one", Outcome::Pass, None),
            ("T.two", Outcome::Fail, Some("AssertionError: 3 != 4")),
            ("T.env", Outcome::Error, Some("OSError: no")),
        ],
    );
    pairs[1].protopy = run(
        "test_b",
        ModuleStatus::Ran,
        None,
        &[("U.x", Outcome::Fail, Some("AssertionError: 5 != 6"))],
    );
    pairs
}

fn snap(id: &str, mode: Mode, outcome: Outcome) -> CaseResult {
    CaseResult {
        id: id.to_string(),
        mode,
        outcome,
        error: (!outcome.is_pass()).then(|| NOT_YET.to_string()),
        diff: None,
        seconds: 0.0,
    }
}

fn report(pairs: &[ModulePair], snaps: &[CaseResult], previous: Option<&Report>) -> Report {
    let tracks = Tracks {
        ast: None,
        snapshots: Some(SnapshotSection::build(snaps, 1.0)),
        regrtest: Some(RegrtestSection::build(
            "all",
            pairs,
            &config(),
            &available(),
            3.0,
        )),
    };
    let blockers = blockers::find(snaps, pairs, 50);
    Report::new(
        "3.14.10",
        Some("abc1234".to_string()),
        2,
        tracks,
        blockers,
        previous,
    )
}

#[test]
fn totals_count_reference_passes_as_the_denominator() {
    let r = RegrtestSection::build("all", &pairs_later(), &config(), &available(), 3.0);
    assert_eq!(
        (r.modules_run, r.cases, r.reference_pass, r.protopy_pass),
        (3, 4, 3, 1)
    );
    let a = &r.modules[0];
    assert_eq!(
        (a.module.as_str(), a.cases, a.reference_pass, a.protopy_pass),
        ("test_a", 3, 2, 1)
    );
    assert!((a.percent - 50.0).abs() < 1e-9);
    assert_eq!(a.outcomes[&Outcome::Fail], ["T.two"]);
    assert_eq!(r.slices.len(), 2);
    assert_eq!(
        (r.slices[0].name.as_str(), r.slices[0].reference_pass),
        ("quick", 2)
    );
    assert_eq!((r.slices[1].name.as_str(), r.slices[1].modules), ("all", 3));
    assert_eq!(r.slices[1].modules_in_slice, 4);
    assert_eq!(r.reference_cached, 2);
}

#[test]
fn the_interpreter_is_the_one_blocker_today() {
    let snaps = [
        snap("core/a", Mode::Normal, Outcome::Fail),
        snap("core/a", Mode::GcStress, Outcome::Fail),
    ];
    let b = blockers::find(&snaps, &pairs_today(), 10);
    assert_eq!(b.len(), 1, "{b:?}");
    // test_a's two reference passes, test_b's one, one snapshot case; test_tk blocks nothing.
    assert_eq!(b[0].cases, 4);
    assert_eq!(b[0].places, ["test_a", "snapshots/core/a", "test_b"]);
    assert!(b[0].signature.contains("(issue N)"));
}

#[test]
fn blockers_rank_by_cases_and_group_by_normalized_line() {
    let b = blockers::find(&[], &pairs_later(), 10);
    // T.two (3 != 4) and U.x (5 != 6) share one line; T.env fails under CPython too.
    assert_eq!(b.len(), 1, "{b:?}");
    assert_eq!(
        (b[0].signature.as_str(), b[0].cases),
        ("AssertionError: N != N", 2)
    );
    assert_eq!(b[0].place_count, 2);
}

#[test]
fn changes_name_fixed_regressed_and_new_cases() {
    let snaps_before = [
        snap("core/a", Mode::Normal, Outcome::Fail),
        snap("core/a", Mode::GcStress, Outcome::Fail),
    ];
    let before = report(&pairs_today(), &snaps_before, None);
    assert!(before.changes.is_none());
    let snaps_after = [
        snap("core/a", Mode::Normal, Outcome::Pass),
        snap("core/a", Mode::GcStress, Outcome::Fail),
        snap("core/b", Mode::Normal, Outcome::Pass),
        snap("core/b", Mode::GcStress, Outcome::Pass),
    ];
    let after = report(&pairs_later(), &snaps_after, Some(&before));
    let c = after.changes.clone().unwrap();
    assert_eq!(c.fixed, ["snapshots/core/a", "test_a: T.one"]);
    assert_eq!(c.new, ["snapshots/core/b", "snapshots/core/b [gc-stress]"]);
    assert!(c.regressed.is_empty());

    // And back: the later report regresses to the earlier one.
    let back = compare::compare(&after, &report(&pairs_today(), &snaps_before, None));
    assert_eq!(back.regressed, ["snapshots/core/a", "test_a: T.one"]);
    assert!(back.render(10).contains("regressed:\n  snapshots/core/a\n"));
}

#[test]
fn the_json_round_trips() {
    let r = report(&pairs_later(), &[], None);
    let text = serde_json::to_string_pretty(&r).unwrap();
    let back: Report = serde_json::from_str(&text).unwrap();
    assert_eq!(
        back.tracks.regrtest.unwrap().modules[0].outcomes,
        r.tracks.regrtest.unwrap().modules[0].outcomes
    );
    assert!(text.contains("\"fail\": ["), "{text}");
}

#[test]
fn markdown_and_html_show_the_numbers() {
    let snaps = [
        snap("core/a", Mode::Normal, Outcome::Fail),
        snap("core/a", Mode::GcStress, Outcome::Fail),
    ];
    let r = report(&pairs_today(), &snaps, None);
    let md = r.markdown();
    assert!(
        md.contains("| regrtest, slice `all` (3 modules) | 4 | 3 | 0 | 0.00 |"),
        "{md}"
    );
    assert!(
        md.contains("| `quick`: fast ones | 1 | 3 | 2 | 0 | 0.00 |"),
        "{md}"
    );
    assert!(
        md.contains("| 1 | 4 | `NotImplementedError: executing Python code"),
        "{md}"
    );
    assert!(
        md.contains("| `test_tk` | all | 0 | skipped (No module named '_tkinter') |"),
        "{md}"
    );
    let html = r.html();
    assert!(html.starts_with("<!doctype html>"));
    assert_eq!(html.matches("<svg").count(), 2, "one chart per slice");
    assert!(html.contains("<table id=\"modules\" class=\"sortable\">"));
    assert!(
        !html.contains("http://") && !html.contains("https://") && !html.contains(" src="),
        "self-contained"
    );
    assert!(html.contains("No module named &#39;_tkinter&#39;"));
}

#[test]
fn utc_dates_are_civil() {
    assert_eq!(utc(0), "1970-01-01T00:00:00Z");
    assert_eq!(utc(951_782_400), "2000-02-29T00:00:00Z");
    assert_eq!(utc(1_767_225_599), "2025-12-31T23:59:59Z");
}
