//! `conformance/slices.toml`: the named sets of regrtest modules (`quick` for CI, `core`,
//! `stdlib`, `all`) and the watchdog's limits.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The config file's path.
pub fn config_path(repo: &Path) -> PathBuf {
    repo.join("conformance").join("slices.toml")
}

/// The watchdog's limits.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// Seconds one case may run before it is recorded as a timeout.
    pub case_timeout: u64,
    /// Seconds one module may run in all (every restart included).
    pub module_timeout: u64,
    /// Restarts after crashes or hung cases before the rest of a module is given up.
    pub max_restarts: usize,
}

/// One slice.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Slice {
    pub description: String,
    /// The modules (`test_bool`, or a package such as `test_json`).
    #[serde(default)]
    pub modules: Vec<String>,
    /// Every `test_*` module of the reference, less `exclude`.
    #[serde(default)]
    pub all: bool,
    #[serde(default)]
    pub exclude: Vec<String>,
}

/// The whole file.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub limits: Limits,
    /// Per-module `module_timeout` overrides, in seconds.
    #[serde(default)]
    pub module_timeouts: BTreeMap<String, u64>,
    pub slices: BTreeMap<String, Slice>,
    /// The slices in the order the file defines them.
    #[serde(skip)]
    pub order: Vec<String>,
}

impl Config {
    pub fn load(path: &Path) -> Result<Config, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Config::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    pub fn parse(text: &str) -> Result<Config, String> {
        let mut config: Config = toml::from_str(text).map_err(|e| e.to_string())?;
        // A map forgets the file's order; the section headers keep it.
        for line in text.lines() {
            if let Some(name) = line
                .trim()
                .strip_prefix("[slices.")
                .and_then(|rest| rest.strip_suffix(']'))
            {
                let name = name.trim().trim_matches('"').to_string();
                if config.slices.contains_key(&name) && !config.order.contains(&name) {
                    config.order.push(name);
                }
            }
        }
        for name in config.slices.keys() {
            if !config.order.contains(name) {
                config.order.push(name.clone());
            }
        }
        for (name, slice) in &config.slices {
            if slice.all != slice.modules.is_empty() {
                return Err(format!(
                    "slice {name}: give either `modules` or `all = true`"
                ));
            }
        }
        Ok(config)
    }

    /// The modules of a slice, or of a comma-separated list of module names; each must be one
    /// of `available` (the reference's modules).
    pub fn resolve(&self, spec: &str, available: &[String]) -> Result<Vec<String>, String> {
        let mut modules: Vec<String> = match self.slices.get(spec) {
            Some(slice) if slice.all => available
                .iter()
                .filter(|m| !slice.exclude.contains(m))
                .cloned()
                .collect(),
            Some(slice) => slice.modules.clone(),
            None => spec
                .split(',')
                .map(str::trim)
                .filter(|m| !m.is_empty())
                .map(String::from)
                .collect(),
        };
        let missing: Vec<&String> = modules.iter().filter(|m| !available.contains(m)).collect();
        if !missing.is_empty() {
            let names: Vec<&str> = missing.iter().map(|m| m.as_str()).collect();
            let what = if self.slices.contains_key(spec) {
                format!("slice {spec} names")
            } else if modules.len() == 1 && !spec.starts_with("test_") {
                let known: Vec<&str> = self.slices.keys().map(String::as_str).collect();
                return Err(format!(
                    "{spec:?} is neither a slice ({}) nor a test module",
                    known.join(", ")
                ));
            } else {
                "asked for".to_string()
            };
            return Err(format!(
                "{what} modules the reference's Lib/test/ does not have: {}",
                names.join(", ")
            ));
        }
        modules.sort();
        modules.dedup();
        Ok(modules)
    }

    /// The slices a module belongs to, in the file's order.
    pub fn slices_of(&self, module: &str) -> Vec<String> {
        self.order
            .iter()
            .filter(|name| {
                self.slices.get(*name).is_some_and(|s| {
                    if s.all {
                        !s.exclude.iter().any(|m| m == module)
                    } else {
                        s.modules.iter().any(|m| m == module)
                    }
                })
            })
            .cloned()
            .collect()
    }

    /// Every slice's name, in the file's order.
    pub fn slice_names(&self) -> Vec<String> {
        self.order.clone()
    }

    pub fn module_timeout(&self, module: &str) -> Duration {
        Duration::from_secs(
            self.module_timeouts
                .get(module)
                .copied()
                .unwrap_or(self.limits.module_timeout),
        )
    }

    pub fn case_timeout(&self) -> Duration {
        Duration::from_secs(self.limits.case_timeout)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const TEXT: &str = r#"
[limits]
case_timeout = 60
module_timeout = 600
max_restarts = 50

[module_timeouts]
test_slow = 1800

[slices.quick]
description = "fast"
modules = ["test_b", "test_a"]

[slices.big]
description = "more"
modules = ["test_a", "test_slow"]

[slices.all]
description = "everything"
all = true
exclude = ["test_c"]
"#;

    fn available() -> Vec<String> {
        ["test_a", "test_b", "test_c", "test_slow"]
            .map(String::from)
            .to_vec()
    }

    #[test]
    fn slices_resolve_to_sorted_modules() {
        let c = Config::parse(TEXT).unwrap();
        assert_eq!(
            c.resolve("quick", &available()).unwrap(),
            ["test_a", "test_b"]
        );
        assert_eq!(
            c.resolve("all", &available()).unwrap(),
            ["test_a", "test_b", "test_slow"]
        );
        assert_eq!(
            c.resolve("test_c, test_a", &available()).unwrap(),
            ["test_a", "test_c"]
        );
        assert_eq!(c.slice_names(), ["quick", "big", "all"], "the file's order");
        assert_eq!(c.slices_of("test_a"), ["quick", "big", "all"]);
        assert!(c.slices_of("test_c").is_empty());
        assert_eq!(c.module_timeout("test_slow"), Duration::from_secs(1800));
        assert_eq!(c.module_timeout("test_a"), Duration::from_secs(600));
    }

    #[test]
    fn unknown_names_are_clear_errors() {
        let c = Config::parse(TEXT).unwrap();
        let e = c.resolve("test_zzz", &available()).unwrap_err();
        assert!(e.contains("does not have: test_zzz"), "{e}");
        let e = c.resolve("qiuck", &available()).unwrap_err();
        assert!(e.contains("neither a slice (all, big, quick)"), "{e}");
        let bad = TEXT.replace("all = true", "all = true\nmodules = [\"test_a\"]");
        assert!(Config::parse(&bad).unwrap_err().contains("either"));
        assert!(Config::parse("[limits]\ncase_timeout = 1\n").is_err());
    }
}
