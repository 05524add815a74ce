//! `cargo xtask conformance --record`: runs every case under the reference CPython and writes its
//! snapshot in insta's file format (a YAML header between `---` lines, then the contents).
//! A snapshot whose text is unchanged is left alone; one whose case is gone is deleted.

use super::{discover, snapshots_dir, Case, Interpreter, Mode, Runner};
use crate::reference::Reference;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// What a recording changed.
#[derive(Debug, Default)]
pub struct Recorded {
    pub written: Vec<String>,
    pub unchanged: usize,
    pub deleted: Vec<String>,
    pub failed: Vec<(String, String)>,
}

/// The whole snapshot file for a case.
pub fn snapshot_file(case: &Case, reference_version: &str, contents: &str) -> String {
    format!(
        "---\nsource: conformance/tests/snapshots.rs\ndescription: \"CPython {}: stdout, stderr and exit status, recorded by cargo xtask conformance --record\"\ninput_file: conformance/cases/{}\n---\n{contents}",
        reference_version.replace(['"', '\\'], ""),
        case.rel
    )
}

/// Records the snapshots of `only` (every case when empty) with `jobs` reference processes.
pub fn record(
    repo: &Path,
    reference: &Reference,
    only: &[String],
    jobs: usize,
) -> Result<Recorded, String> {
    let cases_dir = super::cases_dir(repo);
    let all = discover(&cases_dir)?;
    let cases: Vec<Case> = all
        .iter()
        .filter(|c| {
            only.is_empty()
                || only
                    .iter()
                    .any(|o| c.id == *o || c.id.starts_with(&format!("{o}/")))
        })
        .cloned()
        .collect();
    let snapshots = snapshots_dir(&cases_dir);
    std::fs::create_dir_all(&snapshots)
        .map_err(|e| format!("cannot create {}: {e}", snapshots.display()))?;
    let scratch = super::scratch_dir("record");
    let runner = Runner::new(
        Interpreter::Reference,
        &reference.python,
        repo,
        Some(&reference.stdlib),
        &scratch,
    );
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.max(1))
        .build()
        .map_err(|e| format!("cannot start the thread pool: {e}"))?;
    let results: Vec<(String, Result<bool, String>)> = pool.install(|| {
        cases
            .par_iter()
            .map(|case| {
                (
                    case.id.clone(),
                    record_one(&runner, case, &cases_dir, &reference.version),
                )
            })
            .collect()
    });
    let _ = std::fs::remove_dir_all(&scratch);
    let mut out = Recorded::default();
    for (id, result) in results {
        match result {
            Ok(true) => out.written.push(id),
            Ok(false) => out.unchanged += 1,
            Err(e) => out.failed.push((id, e)),
        }
    }
    if only.is_empty() {
        out.deleted = delete_orphans(&snapshots, &all)?;
    }
    Ok(out)
}

/// Records one case; true when its snapshot file changed.
fn record_one(
    runner: &Runner,
    case: &Case,
    cases_dir: &Path,
    version: &str,
) -> Result<bool, String> {
    let run = runner.run(case, Mode::Normal, Mode::Normal.time_limit())?;
    if run.exit == crate::process::Exit::Timeout {
        return Err(format!(
            "the reference timed out after {} s",
            Mode::Normal.time_limit().as_secs()
        ));
    }
    let text = snapshot_file(case, version, &runner.render(case, Mode::Normal, &run));
    let path = case.snapshot_path(cases_dir);
    if std::fs::read_to_string(&path).is_ok_and(|old| old == text) {
        return Ok(false);
    }
    std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(true)
}

/// Deletes `*.snap` files (and leftover `*.snap.new`) no case owns; returns their names.
fn delete_orphans(snapshots: &Path, cases: &[Case]) -> Result<Vec<String>, String> {
    let owned: std::collections::HashSet<String> = cases
        .iter()
        .map(|c| format!("{}.snap", c.snapshot_name()))
        .collect();
    let mut deleted = Vec::new();
    let entries = std::fs::read_dir(snapshots)
        .map_err(|e| format!("cannot list {}: {e}", snapshots.display()))?;
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let orphan =
            (name.ends_with(".snap") && !owned.contains(&name)) || name.ends_with(".snap.new");
        if orphan && path.is_file() {
            std::fs::remove_file(&path)
                .map_err(|e| format!("cannot delete {}: {e}", path.display()))?;
            deleted.push(name);
        }
    }
    Ok(deleted)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn insta_reads_what_the_recorder_writes() {
        let case = Case {
            id: "harness/x".to_string(),
            rel: "harness/x.py".to_string(),
            path: PathBuf::from("harness/x.py"),
        };
        let body = "--- stdout ---\nhi: there\n---\n--- stderr ---\n--- exit status 0 ---\n";
        let dir = std::env::temp_dir().join(format!("protopy-record-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("harness__x.snap");
        std::fs::write(&path, snapshot_file(&case, "3.14.0", body)).unwrap();
        let read = super::super::load_snapshot(&path).unwrap().unwrap();
        assert_eq!(read.to_string(), body.trim_end());
        let snapshot = insta::Snapshot::from_file(&path).unwrap();
        assert_eq!(
            snapshot.metadata().input_file(),
            Some("conformance/cases/harness/x.py")
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn orphans_and_pending_files_are_deleted() {
        let dir = std::env::temp_dir().join(format!("protopy-orphans-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for f in [
            "a__one.snap",
            "a__gone.snap",
            "a__one.snap.new",
            "README.md",
        ] {
            std::fs::write(dir.join(f), "x").unwrap();
        }
        let cases = vec![Case {
            id: "a/one".to_string(),
            rel: "a/one.py".to_string(),
            path: PathBuf::from("a/one.py"),
        }];
        let deleted = delete_orphans(&dir, &cases).unwrap();
        assert_eq!(deleted, ["a__gone.snap", "a__one.snap.new"]);
        assert!(dir.join("a__one.snap").is_file() && dir.join("README.md").is_file());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
