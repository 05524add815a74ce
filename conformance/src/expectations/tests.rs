//! Tests of the manifest and of the gate: what a broken build looks like to CI.

use super::gate::{self, judge, Gate, Verdict};
use super::*;
use crate::regrtest::CaseResult as RegrCase;

fn snap(id: &str, mode: Mode, outcome: Outcome) -> CaseResult {
    CaseResult {
        id: id.to_string(),
        mode,
        outcome,
        error: (!outcome.is_pass()).then(|| "NotImplementedError: not yet".to_string()),
        diff: None,
        seconds: 0.0,
    }
}

fn module(name: &str, status: ModuleStatus, cases: &[(&str, Outcome)]) -> ModuleRun {
    ModuleRun {
        module: name.to_string(),
        status,
        error: (status != ModuleStatus::Ran)
            .then(|| "NotImplementedError: no interpreter".to_string()),
        cases: cases
            .iter()
            .map(|(id, outcome)| RegrCase {
                id: id.to_string(),
                outcome: *outcome,
                duration: 0.1,
                error: (!outcome.is_pass()).then(|| format!("AssertionError: {id} broke")),
            })
            .collect(),
        seconds: 1.0,
        restarts: 0,
    }
}

#[test]
fn the_verdict_table() {
    use Expectation::*;
    assert_eq!(judge(Pass, Outcome::Pass), Verdict::Ok);
    for broken in [
        Outcome::Fail,
        Outcome::Error,
        Outcome::Crash,
        Outcome::Timeout,
        Outcome::Skip,
        Outcome::Xfail,
    ] {
        assert_eq!(judge(Pass, broken), Verdict::Regression, "{broken}");
        assert_eq!(judge(Fails(Outcome::Fail), broken), Verdict::Ok, "{broken}");
        assert_eq!(judge(Unrecorded, broken), Verdict::Unrecorded, "{broken}");
    }
    assert_eq!(
        judge(Fails(Outcome::Crash), Outcome::Xpass),
        Verdict::NewlyPassing
    );
    assert_eq!(
        judge(Fails(Outcome::Fail), Outcome::Pass),
        Verdict::NewlyPassing
    );
    assert_eq!(judge(Unrecorded, Outcome::Pass), Verdict::NewlyPassing);
}

#[test]
fn a_broken_build_fails_the_regrtest_gate_naming_the_case() {
    // The manifest as a good build left it: two passes, one expected failure.
    let good = module(
        "test_bool",
        ModuleStatus::Ran,
        &[
            ("T.a", Outcome::Pass),
            ("T.b", Outcome::Pass),
            ("T.c", Outcome::Fail),
        ],
    );
    let manifest = ModuleManifest::updated(None, &good, 3);
    let manifests = BTreeMap::from([("test_bool".to_string(), manifest)]);
    assert!(Gate::check_regrtest(&manifests, &[&good]).passed());

    // The broken build: T.b fails now; T.c still fails (as an expected failure: fine).
    let broken = module(
        "test_bool",
        ModuleStatus::Ran,
        &[
            ("T.a", Outcome::Pass),
            ("T.b", Outcome::Fail),
            ("T.c", Outcome::Xfail),
        ],
    );
    let g = Gate::check_regrtest(&manifests, &[&broken]);
    assert!(!g.passed());
    assert_eq!(g.count(Verdict::Regression), 1);
    let summary = g.summary(10);
    assert!(summary.starts_with("gate: FAIL"), "{summary}");
    assert!(
        summary.contains("REGRESSION regrtest test_bool: T.b: recorded pass, now fail: AssertionError: T.b broke"),
        "{summary}"
    );
    assert!(
        !summary.contains("T.c"),
        "an expected failure that fails is not news: {summary}"
    );
}

#[test]
fn a_build_that_cannot_import_the_module_loses_every_recorded_pass() {
    let good = module(
        "test_x",
        ModuleStatus::Ran,
        &[("A.one", Outcome::Pass), ("A.two", Outcome::Error)],
    );
    let manifests = BTreeMap::from([(
        "test_x".to_string(),
        ModuleManifest::updated(None, &good, 2),
    )]);
    let dead = module("test_x", ModuleStatus::ImportError, &[]);
    let g = Gate::check_regrtest(&manifests, &[&dead]);
    let ids: Vec<&str> = g.findings.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["test_x: A.one"]);
    assert_eq!(g.findings[0].actual, "import error");
    assert!(!g.passed());
}

#[test]
fn an_import_error_recorded_as_such_is_fine_and_a_pass_there_is_news() {
    let dead = module("test_y", ModuleStatus::ImportError, &[]);
    let manifests = BTreeMap::from([(
        "test_y".to_string(),
        ModuleManifest::updated(None, &dead, 31),
    )]);
    assert!(Gate::check_regrtest(&manifests, &[&dead]).passed());
    // The interpreter arrives: the module runs, one case passes, one fails.
    let alive = module(
        "test_y",
        ModuleStatus::Ran,
        &[("A.ok", Outcome::Pass), ("A.no", Outcome::Fail)],
    );
    let g = Gate::check_regrtest(&manifests, &[&alive]);
    assert_eq!(g.count(Verdict::NewlyPassing), 1);
    assert_eq!(g.count(Verdict::Regression), 0);
    assert!(!g.passed(), "a newly passing case must be recorded");
    assert!(g.summary(10).contains("--update-expectations"));
}

#[test]
fn a_recorded_pass_that_vanishes_is_a_regression() {
    let good = module(
        "test_z",
        ModuleStatus::Ran,
        &[("A.one", Outcome::Pass), ("A.two", Outcome::Pass)],
    );
    let manifests = BTreeMap::from([(
        "test_z".to_string(),
        ModuleManifest::updated(None, &good, 2),
    )]);
    let short = module("test_z", ModuleStatus::Ran, &[("A.one", Outcome::Pass)]);
    let g = Gate::check_regrtest(&manifests, &[&short]);
    assert_eq!(g.findings.len(), 1);
    assert_eq!(
        (g.findings[0].id.as_str(), g.findings[0].actual.as_str()),
        ("test_z: A.two", "missing")
    );
}

#[test]
fn unknown_modules_are_noted_not_failed() {
    let run = module("test_new", ModuleStatus::ImportError, &[]);
    let g = Gate::check_regrtest(&BTreeMap::new(), &[&run]);
    assert!(g.passed());
    assert_eq!(g.count(Verdict::Unrecorded), 1);
}

#[test]
fn the_snapshot_gate_expects_unlisted_cases_to_pass() {
    let mut manifest = SnapshotManifest::default();
    manifest.cases.insert(
        "core/listed".to_string(),
        SnapshotEntry {
            outcome: Outcome::Fail,
            error: Some("no interpreter".to_string()),
            reason: None,
            modes: Vec::new(),
            gc_stress: None,
        },
    );
    manifest.cases.insert(
        "core/gc_only".to_string(),
        SnapshotEntry {
            outcome: Outcome::Crash,
            error: Some("stale handle".to_string()),
            reason: None,
            modes: vec![Mode::GcStress],
            gc_stress: None,
        },
    );
    let results = [
        snap("core/listed", Mode::Normal, Outcome::Fail),
        snap("core/listed", Mode::GcStress, Outcome::Crash),
        snap("core/gc_only", Mode::Normal, Outcome::Pass),
        snap("core/gc_only", Mode::GcStress, Outcome::Crash),
        snap("core/unlisted", Mode::Normal, Outcome::Pass),
    ];
    let g = Gate::check_snapshots(&manifest, &results);
    assert!(g.passed(), "{}", g.summary(10));
    assert_eq!(g.checked, 5);

    let broken = [
        snap("core/unlisted", Mode::Normal, Outcome::Fail),
        snap("core/gc_only", Mode::Normal, Outcome::Crash),
    ];
    let g = Gate::check_snapshots(&manifest, &broken);
    let ids: Vec<&str> = g.findings.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["core/unlisted", "core/gc_only"]);

    let fixed = [snap("core/listed", Mode::GcStress, Outcome::Pass)];
    let g = Gate::check_snapshots(&manifest, &fixed);
    assert_eq!(g.count(Verdict::NewlyPassing), 1);
    assert_eq!(g.findings[0].id, "core/listed [gc-stress]");

    let trial = gate::snapshot_trial(&manifest, &fixed[0]).unwrap_err();
    assert!(
        trial.contains("NEWLY PASSING") && trial.contains("--update-expectations"),
        "{trial}"
    );
    assert!(gate::snapshot_trial(&manifest, &results[0])
        .unwrap()
        .contains("expected failure"));
    assert!(gate::snapshot_trial(&manifest, &broken[0])
        .unwrap_err()
        .contains("does not list it"));
}

#[test]
fn updating_the_snapshot_manifest_keeps_reasons_and_narrows_modes() {
    let mut old = SnapshotManifest::default();
    old.cases.insert(
        "a/kept".to_string(),
        SnapshotEntry {
            outcome: Outcome::Fail,
            error: Some("NotImplementedError: old".to_string()),
            reason: Some("hand-written reason".to_string()),
            modes: Vec::new(),
            gc_stress: None,
        },
    );
    old.cases.insert(
        "a/fixed".to_string(),
        SnapshotEntry {
            outcome: Outcome::Fail,
            error: Some("x".to_string()),
            reason: None,
            modes: Vec::new(),
            gc_stress: None,
        },
    );
    let results = [
        snap("a/kept", Mode::Normal, Outcome::Fail),
        snap("a/kept", Mode::GcStress, Outcome::Fail),
        snap("a/fixed", Mode::Normal, Outcome::Pass),
        snap("a/fixed", Mode::GcStress, Outcome::Pass),
        snap("a/gc", Mode::Normal, Outcome::Pass),
        snap("a/gc", Mode::GcStress, Outcome::Crash),
        snap("a/hangs", Mode::GcStress, Outcome::Timeout),
        snap("a/hangs", Mode::Normal, Outcome::Fail),
    ];
    let new = old.updated(&results);
    let ids: Vec<&str> = new.cases.keys().map(String::as_str).collect();
    assert_eq!(ids, ["a/gc", "a/hangs", "a/kept"]);
    assert_eq!(new.cases["a/hangs"].outcome, Outcome::Fail);
    assert_eq!(new.cases["a/hangs"].gc_stress, Some(Outcome::Timeout));
    assert_eq!(
        new.expected("a/hangs", Mode::GcStress),
        Expectation::Fails(Outcome::Timeout)
    );
    assert_eq!(
        new.expected("a/hangs", Mode::Normal),
        Expectation::Fails(Outcome::Fail)
    );
    let case = crate::snapshots::Case {
        id: "a/hangs".to_string(),
        rel: "a/hangs.py".to_string(),
        path: std::path::PathBuf::from("a/hangs.py"),
    };
    assert_eq!(
        time_limit(&new, &case, Mode::GcStress),
        crate::snapshots::EXPECTED_TIMEOUT_LIMIT
    );
    assert_eq!(
        time_limit(&new, &case, Mode::Normal),
        Mode::Normal.time_limit()
    );
    assert_eq!(
        new.cases["a/kept"].reason.as_deref(),
        Some("hand-written reason")
    );
    assert_eq!(
        new.cases["a/kept"].error.as_deref(),
        Some("NotImplementedError: not yet"),
        "the error line is refreshed"
    );
    assert_eq!(new.cases["a/gc"].modes, [Mode::GcStress]);
    assert_eq!(new.cases["a/gc"].reason, None);
    assert_eq!(
        new.cases["a/gc"].error.as_deref(),
        Some("NotImplementedError: not yet")
    );
    let text = new.to_toml();
    let back: SnapshotManifest = toml::from_str(&text).unwrap();
    assert_eq!(back, new, "{text}");
    assert!(text.contains(
        "\"a/gc\" = { outcome = \"crash\", error = \"NotImplementedError: not yet\", modes = [\"gc-stress\"] }"
    ), "{text}");
    assert!(text.contains(
        "\"a/kept\" = { outcome = \"fail\", reason = \"hand-written reason\", error = \"NotImplementedError: not yet\" }"
    ), "{text}");

    // --record only adds: a/fixed's old entry stays until --update-expectations.
    let added = old.with_new_failures(&results);
    assert!(added.cases.contains_key("a/fixed") && added.cases.contains_key("a/gc"));
}

#[test]
fn updating_a_module_manifest_keeps_reasons_and_round_trips() {
    let first = module(
        "test_m",
        ModuleStatus::Ran,
        &[
            ("A.p", Outcome::Pass),
            ("A.f", Outcome::Error),
            ("A.t", Outcome::Timeout),
        ],
    );
    let mut m = ModuleManifest::updated(None, &first, 3);
    if let Some(CaseEntry::Full { reason, .. }) = m.cases.get_mut("A.f") {
        assert_eq!(*reason, None, "new failures get no hand-written reason");
        *reason = Some("needs __index__".to_string());
    }
    let worker = m.worker_file().unwrap();
    assert!(worker.contains("xfail\tA.f\n"), "{worker}");
    assert!(
        worker.contains("skip\tA.t\tprotopy timed out here"),
        "{worker}"
    );
    assert!(!worker.contains("A.p"));

    // Next run: A.f still fails (as an expected failure), A.t now passes.
    let second = module(
        "test_m",
        ModuleStatus::Ran,
        &[
            ("A.p", Outcome::Pass),
            ("A.f", Outcome::Xfail),
            ("A.t", Outcome::Pass),
        ],
    );
    let m2 = ModuleManifest::updated(Some(&m), &second, 3);
    assert_eq!(
        m2.cases["A.f"],
        CaseEntry::Full {
            outcome: Outcome::Error,
            error: Some("AssertionError: A.f broke".to_string()),
            reason: Some("needs __index__".to_string())
        }
    );
    assert_eq!(m2.cases["A.f"].reason(), Some("needs __index__"));
    assert_eq!(m2.cases["A.t"], CaseEntry::Bare(Outcome::Pass));
    let text = m2.to_toml("test_m");
    let back: ModuleManifest = toml::from_str(&text).unwrap();
    assert_eq!(back, m2, "{text}");
    assert!(text.contains("\"A.p\" = \"pass\"\n"), "{text}");
    assert!(
        text.contains("status = \"ran\"\nreference_cases = 3\n"),
        "{text}"
    );

    let dead = module("test_m", ModuleStatus::ImportError, &[]);
    let m3 = ModuleManifest::updated(Some(&m2), &dead, 3);
    assert_eq!(
        m3.error.as_deref(),
        Some("NotImplementedError: no interpreter")
    );
    assert_eq!(m3.reason, None);
    assert!(m3.cases.is_empty() && m3.worker_file().is_none());
    assert_eq!(m3.expected("anything"), Expectation::Fails(Outcome::Error));
}

#[test]
fn toml_strings_survive_quotes_backslashes_and_controls() {
    let nasty = "say \"hi\"\\ \t\n\u{1b}[0m ünï";
    let text = format!("x = {}\n", quote(nasty));
    let back: BTreeMap<String, String> = toml::from_str(&text).unwrap();
    assert_eq!(back["x"], nasty);
}
