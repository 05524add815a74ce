//! `cargo xtask conformance`: runs the tracks (AST, snapshots, regrtest), applies the regression
//! gate, rewrites the expectations manifest on request, records snapshots from the reference and
//! writes the report (`docs/conformance/report.{json,md}`, `index.html`).

use protopy_conformance::expectations::gate::Gate;
use protopy_conformance::expectations::{self, write_if_changed, ModuleManifest, SnapshotManifest};
use protopy_conformance::regrtest::run::{run_slice, ModulePair, Setup};
use protopy_conformance::regrtest::slices::{config_path, Config};
use protopy_conformance::report::{
    blockers, compare, AstSection, RegrtestSection, Report, SnapshotSection, Tracks,
};
use protopy_conformance::snapshots::{self, Interpreter, Runner};
use protopy_conformance::{ast_track, protopy, reference, Reference};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// A conformance track.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Track {
    Ast,
    Snapshots,
    Regrtest,
}

/// What `cargo xtask conformance` was asked to do.
pub struct Options {
    pub tracks: Vec<Track>,
    pub slice: String,
    pub jobs: usize,
    pub check: bool,
    pub out: PathBuf,
    pub update_expectations: bool,
    pub expectations: PathBuf,
    pub fresh_reference: bool,
    /// Snapshot cases to run or record (ids or topics); all when empty.
    pub cases: Vec<String>,
}

/// Blockers kept in report.json.
const BLOCKERS_KEPT: usize = 50;

pub fn run(opts: &Options) -> Result<ExitCode, String> {
    let repo = reference::repo_root();
    let reference = reference::ensure()?;
    let mut tracks = Tracks::default();
    let mut gates_failed: Vec<String> = Vec::new();
    let mut snapshot_results = Vec::new();
    let mut pairs: Vec<ModulePair> = Vec::new();
    let needs_protopy = opts.tracks.iter().any(|t| *t != Track::Ast);
    let bin = if needs_protopy {
        eprintln!("conformance: building protopy (cargo build --release -p protopy-vm)");
        Some(protopy::release(&repo)?)
    } else {
        None
    };
    for track in &opts.tracks {
        let started = Instant::now();
        match (track, &bin) {
            (Track::Ast, _) => {
                let report = ast_track::run(&reference, opts.jobs)?;
                crate::write(
                    &opts.out.join("ast.json"),
                    &serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?,
                )?;
                crate::write(&opts.out.join("ast.md"), &report.markdown())?;
                print!("{}", report.summary(10));
                if !report.gate_passed {
                    gates_failed.push("ast".to_string());
                }
                tracks.ast = Some(AstSection::from_report(&report));
            }
            (Track::Snapshots, Some(bin)) => {
                let results = snapshot_track(&repo, &reference, bin, opts)?;
                let manifest_path = SnapshotManifest::path(&opts.expectations);
                let manifest = SnapshotManifest::load(&manifest_path)?;
                let gate = Gate::check_snapshots(&manifest, &results);
                let section = SnapshotSection::build(&results, started.elapsed().as_secs_f64());
                println!(
                    "snapshots: {} cases; protopy passes {} normally, {} under GC stress ({:.1} s)",
                    section.cases,
                    section.passing_normal,
                    section.passing_gc_stress,
                    section.seconds
                );
                print!("{}", indent(&gate.summary(30)));
                if opts.update_expectations {
                    let updated = manifest.updated(&results);
                    if write_if_changed(&manifest_path, &updated.to_toml())? {
                        println!(
                            "  updated {} ({} expected failures)",
                            manifest_path.display(),
                            updated.cases.len()
                        );
                    }
                } else if !gate.passed() {
                    gates_failed.push("snapshots".to_string());
                }
                tracks.snapshots = Some(section);
                snapshot_results = results;
            }
            (Track::Regrtest, Some(bin)) => {
                let (section, run_pairs, gate_ok) = regrtest_track(&repo, &reference, bin, opts)?;
                if !gate_ok {
                    gates_failed.push("regrtest".to_string());
                }
                tracks.regrtest = Some(section);
                pairs = run_pairs;
            }
            (_, None) => return Err("internal: protopy was not built".to_string()),
        }
    }
    write_report(&repo, &reference, opts, tracks, &snapshot_results, &pairs)?;
    if opts.check && !gates_failed.is_empty() {
        eprintln!("conformance: gate FAILED for {}", gates_failed.join(", "));
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("  {l}\n")).collect()
}

fn filtered_cases(repo: &Path, only: &[String]) -> Result<Vec<snapshots::Case>, String> {
    let all = snapshots::discover(&snapshots::cases_dir(repo))?;
    let picked: Vec<snapshots::Case> = all
        .into_iter()
        .filter(|c| {
            only.is_empty()
                || only
                    .iter()
                    .any(|o| c.id == *o || c.id.starts_with(&format!("{o}/")))
        })
        .collect();
    if picked.is_empty() && !only.is_empty() {
        return Err(format!("no snapshot case matches {}", only.join(", ")));
    }
    Ok(picked)
}

fn snapshot_track(
    repo: &Path,
    reference: &Reference,
    bin: &Path,
    opts: &Options,
) -> Result<Vec<snapshots::CaseResult>, String> {
    let cases = filtered_cases(repo, &opts.cases)?;
    let manifest = SnapshotManifest::load(&SnapshotManifest::path(&opts.expectations))?;
    let scratch = snapshots::scratch_dir("xtask");
    let runner = Runner::new(
        Interpreter::Protopy,
        bin,
        repo,
        Some(&reference.stdlib),
        &scratch,
    );
    let limit = |case: &snapshots::Case, mode| expectations::time_limit(&manifest, case, mode);
    let results = snapshots::run_all(&runner, &cases, opts.jobs, &limit);
    let _ = std::fs::remove_dir_all(&scratch);
    results
}

/// Runs the slice; returns the report section, the runs and whether the gate held.
fn regrtest_track(
    repo: &Path,
    reference: &Reference,
    bin: &Path,
    opts: &Options,
) -> Result<(RegrtestSection, Vec<ModulePair>, bool), String> {
    let started = Instant::now();
    let config = Config::load(&config_path(repo))?;
    let available = protopy_conformance::regrtest::all_modules(&reference.stdlib)?;
    let modules = config.resolve(&opts.slice, &available)?;
    let manifests = ModuleManifest::load_all(&opts.expectations)?;
    let worker_files: BTreeMap<String, String> = manifests
        .iter()
        .filter_map(|(m, manifest)| Some((m.clone(), manifest.worker_file()?)))
        .collect();
    eprintln!(
        "regrtest: slice {} ({} modules), {} jobs; reference runs are cached in {}",
        opts.slice,
        modules.len(),
        opts.jobs,
        reference::cache_dir().join("conformance").display()
    );
    let setup = Setup {
        repo,
        reference,
        protopy: bin,
        config: &config,
        jobs: opts.jobs,
        cache: reference::cache_dir().join("conformance"),
        fresh_reference: opts.fresh_reference,
        expectations: &worker_files,
    };
    let pairs = run_slice(&setup, &modules, &|line| eprintln!("{line}"))?;
    let section = RegrtestSection::build(
        &opts.slice,
        &pairs,
        &config,
        &available,
        started.elapsed().as_secs_f64(),
    );
    println!(
        "regrtest {}: {} modules, {} cases; passing under CPython {}, under protopy {} ({:.1} s wall)",
        opts.slice,
        section.modules_run,
        section.cases,
        section.reference_pass,
        section.protopy_pass,
        section.wall_seconds
    );
    let protopy_runs: Vec<_> = pairs.iter().map(|p| &p.protopy).collect();
    let gate = Gate::check_regrtest(&manifests, &protopy_runs);
    print!("{}", indent(&gate.summary(30)));
    if opts.update_expectations {
        let mut written = 0;
        for p in &pairs {
            let updated = ModuleManifest::updated(
                manifests.get(&p.module),
                &p.protopy,
                p.reference.cases.len(),
            );
            if write_if_changed(
                &ModuleManifest::path(&opts.expectations, &p.module),
                &updated.to_toml(&p.module),
            )? {
                written += 1;
            }
        }
        println!(
            "  updated {written} module manifest(s) in {}",
            opts.expectations.join("regrtest").display()
        );
        return Ok((section, pairs, true));
    }
    Ok((section, pairs, gate.passed()))
}

fn write_report(
    repo: &Path,
    reference: &Reference,
    opts: &Options,
    mut tracks: Tracks,
    snapshot_results: &[snapshots::CaseResult],
    pairs: &[ModulePair],
) -> Result<(), String> {
    let json_path = opts.out.join("report.json");
    let previous: Option<Report> = std::fs::read_to_string(&json_path)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok());
    // Tracks not run this time keep their section from the previous report.
    if let Some(prev) = &previous {
        if tracks.ast.is_none() {
            tracks.ast = prev.tracks.ast.clone();
        }
        if tracks.snapshots.is_none() {
            tracks.snapshots = prev.tracks.snapshots.clone();
        }
        if tracks.regrtest.is_none() {
            tracks.regrtest = prev.tracks.regrtest.clone();
        }
    }
    let blockers = blockers::find(snapshot_results, pairs, BLOCKERS_KEPT);
    let report = Report::new(
        &reference.version,
        commit(repo),
        opts.jobs,
        tracks,
        blockers,
        previous.as_ref(),
    );
    let json = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
    crate::write(&json_path, &json)?;
    crate::write(&opts.out.join("report.md"), &report.markdown())?;
    crate::write(&opts.out.join("index.html"), &report.html())?;
    if let Some(c) = &report.changes {
        print!("{}", c.render(20));
    }
    if let Some(b) = report.blockers.first() {
        println!("top blocker ({} cases): {}", b.cases, b.example);
    }
    println!("wrote {}, report.md and index.html", json_path.display());
    Ok(())
}

/// `git rev-parse --short HEAD` (read-only), when git and a repository are there.
fn commit(repo: &Path) -> Option<String> {
    let out = std::process::Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .current_dir(repo)
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout).trim().to_string();
    (out.status.success() && !text.is_empty()).then_some(text)
}

/// `cargo xtask conformance --record`: records snapshots from the reference, then runs the
/// recorded cases under protopy and lists the new ones that fail in the manifest (nothing else
/// in the manifest changes).
pub fn record(opts: &Options) -> Result<ExitCode, String> {
    let repo = reference::repo_root();
    let reference = reference::ensure()?;
    let started = Instant::now();
    let recorded = snapshots::record::record(&repo, &reference, &opts.cases, opts.jobs)?;
    println!(
        "recorded from CPython {}: {} written, {} unchanged, {} deleted ({:.1} s)",
        reference.version,
        recorded.written.len(),
        recorded.unchanged,
        recorded.deleted.len(),
        started.elapsed().as_secs_f64()
    );
    for name in &recorded.deleted {
        println!("  deleted {name} (its case is gone)");
    }
    for (id, e) in &recorded.failed {
        println!("  FAILED {id}: {e}");
    }
    let bin = protopy::release(&repo)?;
    let results = snapshot_track(&repo, &reference, &bin, opts)?;
    let manifest_path = SnapshotManifest::path(&opts.expectations);
    let manifest = SnapshotManifest::load(&manifest_path)?;
    let updated = manifest.with_new_failures(&results);
    let added = updated.cases.len() - manifest.cases.len();
    if write_if_changed(&manifest_path, &updated.to_toml())? {
        println!(
            "  listed {added} new failing case(s) in {}",
            manifest_path.display()
        );
    }
    if recorded.failed.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        Ok(ExitCode::FAILURE)
    }
}

/// `cargo xtask conformance --compare OLD.json NEW.json`.
pub fn compare_files(old: &Path, new: &Path) -> Result<ExitCode, String> {
    let load = |path: &Path| -> Result<Report, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        serde_json::from_str(&text)
            .map_err(|e| format!("{} is not a report.json: {e}", path.display()))
    };
    let changes = compare::compare(&load(old)?, &load(new)?);
    print!("{}", changes.render(usize::MAX));
    Ok(ExitCode::SUCCESS)
}

/// The default expectations directory.
pub fn default_expectations(repo: &Path) -> PathBuf {
    expectations::default_dir(repo)
}
