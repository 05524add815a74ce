//! The regrtest track (ARCHITECTURE.md, "The conformance harness", track 3): CPython's
//! `Lib/test/test_*` modules, loaded from the reference install and run case by case by our
//! worker (`conformance/regrtest/worker.py`) under protopy and under the reference, one process
//! per module with a watchdog (`driver`), modules in parallel (`run`). The slices come from
//! `conformance/slices.toml` (`slices`).

pub mod driver;
pub mod run;
pub mod slices;

use crate::outcome::Outcome;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The worker script, run from the repository so both interpreters see a real file.
pub fn worker_path(repo: &Path) -> PathBuf {
    repo.join("conformance").join("regrtest").join("worker.py")
}

/// How far a module got.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ModuleStatus {
    /// The worker loaded the module's tests and ran them.
    Ran,
    /// The module (or the worker itself) could not be loaded: no case ran.
    ImportError,
    /// The module skipped itself at import (`unittest.SkipTest`, e.g. a missing `_tkinter`).
    Skipped,
}

/// One case of a module.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaseResult {
    /// The unittest id without the `test.<module>.` prefix.
    pub id: String,
    pub outcome: Outcome,
    /// Seconds.
    pub duration: f64,
    /// The first error line (`Type: message`), for anything but a pass.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// One module run under one interpreter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModuleRun {
    pub module: String,
    pub status: ModuleStatus,
    /// Why it did not run (import error, skip reason), or harness notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The cases in load order.
    pub cases: Vec<CaseResult>,
    pub seconds: f64,
    /// How many times the worker was restarted after a crash or a hung case.
    #[serde(default)]
    pub restarts: usize,
}

impl ModuleRun {
    /// Cases that passed (`xpass` included).
    pub fn passed(&self) -> usize {
        self.cases.iter().filter(|c| c.outcome.is_pass()).count()
    }

    pub fn count(&self, outcome: Outcome) -> usize {
        self.cases.iter().filter(|c| c.outcome == outcome).count()
    }
}

/// Every `test_*` module and package of the reference's `Lib/test/`, sorted.
pub fn all_modules(stdlib: &Path) -> Result<Vec<String>, String> {
    let dir = stdlib.join("test");
    let entries = std::fs::read_dir(&dir).map_err(|e| {
        format!(
            "cannot list {} (the reference needs its test suite, Debian's libpython3.14-testsuite): {e}",
            dir.display()
        )
    })?;
    let mut modules = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with("test_") {
            continue;
        }
        let path = entry.path();
        if let Some(stem) = name.strip_suffix(".py") {
            if path.is_file() {
                modules.push(stem.to_string());
            }
        } else if path.join("__init__.py").is_file() {
            modules.push(name);
        }
    }
    modules.sort();
    modules.dedup();
    if modules.is_empty() {
        return Err(format!("no test_* modules in {}", dir.display()));
    }
    Ok(modules)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn modules_and_packages_are_found() {
        let dir = std::env::temp_dir().join(format!("protopy-modules-test-{}", std::process::id()));
        let test = dir.join("test");
        std::fs::create_dir_all(test.join("test_pkg")).unwrap();
        std::fs::create_dir_all(test.join("test_notpkg")).unwrap();
        std::fs::write(test.join("test_pkg/__init__.py"), "").unwrap();
        std::fs::write(test.join("test_a.py"), "").unwrap();
        std::fs::write(test.join("support.py"), "").unwrap();
        std::fs::write(test.join("test_data.txt"), "").unwrap();
        assert_eq!(all_modules(&dir).unwrap(), ["test_a", "test_pkg"]);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn counts_treat_xpass_as_passing() {
        let case = |id: &str, outcome| CaseResult {
            id: id.to_string(),
            outcome,
            duration: 0.0,
            error: None,
        };
        let run = ModuleRun {
            module: "test_x".to_string(),
            status: ModuleStatus::Ran,
            error: None,
            cases: vec![
                case("a", Outcome::Pass),
                case("b", Outcome::Xpass),
                case("c", Outcome::Xfail),
            ],
            seconds: 0.0,
            restarts: 0,
        };
        assert_eq!(run.passed(), 2);
        assert_eq!(run.count(Outcome::Xfail), 1);
    }
}
