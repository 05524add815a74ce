//! A slice run: every module under the reference (the denominator; cached per reference version
//! and worker script, so the reference side of a slice runs once) and under protopy (with the
//! expectations manifest applied), modules in parallel on a rayon pool, longest first.

use super::driver::{self, Interp, Plan};
use super::slices::Config;
use super::{worker_path, ModuleRun};
use crate::reference::Reference;
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// A module's two runs.
#[derive(Clone, Debug)]
pub struct ModulePair {
    pub module: String,
    pub reference: ModuleRun,
    pub protopy: ModuleRun,
    /// The reference run came from the cache.
    pub cached: bool,
}

/// What a slice run needs.
pub struct Setup<'a> {
    pub repo: &'a Path,
    pub reference: &'a Reference,
    pub protopy: &'a Path,
    pub config: &'a Config,
    pub jobs: usize,
    /// Where reference runs are cached (`<cache>/conformance`).
    pub cache: PathBuf,
    /// Ignore cached reference runs (they are rewritten).
    pub fresh_reference: bool,
    /// The worker's expectations file per module (see `expectations::worker_file`).
    pub expectations: &'a BTreeMap<String, String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    Reference,
    Protopy,
}

/// Runs `modules`; `progress` gets one line per finished module.
pub fn run_slice(
    setup: &Setup<'_>,
    modules: &[String],
    progress: &(dyn Fn(&str) + Sync),
) -> Result<Vec<ModulePair>, String> {
    let worker = worker_path(setup.repo);
    if !worker.is_file() {
        return Err(format!("the worker script {} is missing", worker.display()));
    }
    let cache_dir = reference_cache_dir(setup, &worker)?;
    let scratch = setup.cache.join(format!("scratch-{}", std::process::id()));
    let mut done: HashMap<String, (Option<ModuleRun>, Option<ModuleRun>, bool)> = HashMap::new();
    let mut tasks: Vec<(f64, String, Side)> = Vec::new();
    for module in modules {
        let cached = if setup.fresh_reference {
            None
        } else {
            load_cached(&cache_dir, module)
        };
        let estimate = cached.as_ref().map_or(30.0, |r| r.seconds);
        if cached.is_none() {
            tasks.push((estimate, module.clone(), Side::Reference));
        }
        tasks.push((estimate, module.clone(), Side::Protopy));
        let is_cached = cached.is_some();
        done.insert(module.clone(), (cached, None, is_cached));
    }
    // Longest first, so that the slowest modules do not start last.
    tasks.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let queue = Mutex::new(tasks.into_iter().collect::<VecDeque<_>>());
    let done = Mutex::new(done);
    let finished = Mutex::new(0usize);
    // The reference's launcher makes `sys.executable` a launcher too (`reference::launchers`),
    // so subprocesses of tests work without `--executable`.
    let reference_interp = Interp {
        program: setup.reference.python.clone(),
        executable: None,
        env: Vec::new(),
    };
    let protopy_interp = Interp {
        program: setup.protopy.to_path_buf(),
        executable: None,
        env: vec![(
            "PROTOPY_STDLIB".to_string(),
            setup.reference.stdlib.to_string_lossy().into_owned(),
        )],
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(setup.jobs.max(1))
        .build()
        .map_err(|e| format!("cannot start the thread pool: {e}"))?;
    let total = modules.len();
    pool.scope(|s| {
        for _ in 0..setup.jobs.max(1) {
            s.spawn(|_| loop {
                let next = queue.lock().ok().and_then(|mut q| q.pop_front());
                let Some((_, module, side)) = next else {
                    break;
                };
                let (interp, expectations) = match side {
                    Side::Reference => (&reference_interp, None),
                    Side::Protopy => (&protopy_interp, setup.expectations.get(&module).cloned()),
                };
                let plan = Plan {
                    module: module.clone(),
                    worker: worker.clone(),
                    expectations,
                    case_timeout: setup.config.case_timeout(),
                    module_timeout: setup.config.module_timeout(&module),
                    max_restarts: setup.config.limits.max_restarts,
                    exit_grace: driver::EXIT_GRACE,
                    scratch: scratch.join(format!("{module}-{side:?}")),
                };
                let run = driver::run_module(interp, &plan);
                if side == Side::Reference {
                    store_cached(&cache_dir, &run);
                }
                let Ok(mut done) = done.lock() else {
                    break;
                };
                let Some(entry) = done.get_mut(&module) else {
                    continue;
                };
                match side {
                    Side::Reference => entry.0 = Some(run),
                    Side::Protopy => entry.1 = Some(run),
                }
                if let (Some(r), Some(p)) = (&entry.0, &entry.1) {
                    let line = progress_line(r, p, entry.2);
                    let n = finished.lock().map(|mut f| {
                        *f += 1;
                        *f
                    });
                    progress(&format!("[{:>4}/{total}] {line}", n.unwrap_or(0)));
                }
            });
        }
    });
    let _ = std::fs::remove_dir_all(&scratch);
    let done = done
        .into_inner()
        .map_err(|_| "a module run panicked".to_string())?;
    let mut pairs = Vec::new();
    for module in modules {
        match done.get(module) {
            Some((Some(r), Some(p), cached)) => pairs.push(ModulePair {
                module: module.clone(),
                reference: r.clone(),
                protopy: p.clone(),
                cached: *cached,
            }),
            _ => return Err(format!("{module}: the run produced no result")),
        }
    }
    Ok(pairs)
}

fn progress_line(r: &ModuleRun, p: &ModuleRun, cached: bool) -> String {
    use super::ModuleStatus;
    let side = |run: &ModuleRun| match run.status {
        ModuleStatus::Ran => format!(
            "{}/{} pass ({:.1} s)",
            run.passed(),
            run.cases.len(),
            run.seconds
        ),
        ModuleStatus::Skipped => "skipped".to_string(),
        ModuleStatus::ImportError => {
            let error = run.error.as_deref().unwrap_or("");
            let short: String = error.chars().take(60).collect();
            format!("import error ({short})")
        }
    };
    let cached = if cached { ", cached" } else { "" };
    format!(
        "{:<36} reference {}{cached}; protopy {}",
        r.module,
        side(r),
        side(p)
    )
}

/// `<cache>/regrtest-reference/<version>-<key>`: the key changes with the worker script and the
/// limits, so a cached reference run is always one the current worker would produce.
fn reference_cache_dir(setup: &Setup<'_>, worker: &Path) -> Result<PathBuf, String> {
    let script =
        std::fs::read(worker).map_err(|e| format!("cannot read {}: {e}", worker.display()))?;
    let mut key = fnv1a(&script);
    key ^= fnv1a(format!("{:?}", setup.config.limits).as_bytes()).rotate_left(1);
    let dir = setup
        .cache
        .join("regrtest-reference")
        .join(format!("{}-{key:016x}", setup.reference.version));
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    Ok(dir)
}

fn load_cached(dir: &Path, module: &str) -> Option<ModuleRun> {
    let text = std::fs::read_to_string(dir.join(format!("{module}.json"))).ok()?;
    serde_json::from_str(&text).ok()
}

fn store_cached(dir: &Path, run: &ModuleRun) {
    if let Ok(text) = serde_json::to_string(run) {
        let path = dir.join(format!("{}.json", run.module));
        let tmp = dir.join(format!("{}.json.tmp", run.module));
        if std::fs::write(&tmp, text).is_ok() {
            let _ = std::fs::rename(&tmp, &path);
        }
    }
}

/// FNV-1a, 64 bits: a stable hash for cache keys.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_is_stable() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
