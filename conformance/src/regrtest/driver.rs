//! One module under one interpreter: the worker process and its watchdog. The worker announces
//! each case in the records file before running it; when the process dies, the announced case
//! is recorded as a crash, when it runs past the per-case limit as a timeout, and the worker is
//! restarted from the next case. A worker that never loads the module (protopy cannot run it
//! yet, or the import fails) makes the module an import error with the interpreter's last line.

use super::{CaseResult, ModuleRun, ModuleStatus};
use crate::outcome::Outcome;
use crate::process::{self, Exit};
use serde::Deserialize;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How often the watchdog looks at the records file and the process.
const POLL: Duration = Duration::from_millis(20);
/// How long a worker that reported the end of its module may take to exit.
pub const EXIT_GRACE: Duration = Duration::from_secs(10);

/// An interpreter that runs the worker.
#[derive(Clone, Debug)]
pub struct Interp {
    /// What to execute (the reference's wrapper script, or a protopy binary).
    pub program: PathBuf,
    /// Given to the worker as `--executable` (what `sys.executable` must be for subprocesses).
    pub executable: Option<PathBuf>,
    /// Extra environment (`PROTOPY_STDLIB` for protopy).
    pub env: Vec<(String, String)>,
}

/// One module to run.
#[derive(Clone, Debug)]
pub struct Plan {
    pub module: String,
    pub worker: PathBuf,
    /// The expectations file's text (`xfail<TAB>id`, `skip<TAB>id<TAB>reason` lines), if any.
    pub expectations: Option<String>,
    pub case_timeout: Duration,
    pub module_timeout: Duration,
    pub max_restarts: usize,
    /// How long a worker that reported the end of its module may take to exit ([`EXIT_GRACE`]).
    pub exit_grace: Duration,
    /// A directory of this run's own (records, log, the worker's cwd, TMPDIR and HOME);
    /// emptied first.
    pub scratch: PathBuf,
}

/// One line of the records file.
#[derive(Debug, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
enum Event {
    Loaded {
        ids: Vec<String>,
    },
    Start {
        index: usize,
    },
    End {
        index: usize,
        id: String,
        outcome: String,
        duration: f64,
        error: Option<String>,
    },
    ImportError {
        error: String,
    },
    ImportSkip {
        reason: String,
    },
    Done,
    #[serde(other)]
    Other,
}

/// Reads the records file as it grows, a complete line at a time.
struct Records {
    file: Option<File>,
    path: PathBuf,
    pending: Vec<u8>,
}

impl Records {
    fn new(path: &Path) -> Records {
        Records {
            file: None,
            path: path.to_path_buf(),
            pending: Vec::new(),
        }
    }

    fn poll(&mut self) -> Vec<Event> {
        if self.file.is_none() {
            self.file = File::open(&self.path).ok();
        }
        let Some(file) = self.file.as_mut() else {
            return Vec::new();
        };
        let _ = file.read_to_end(&mut self.pending);
        let mut events = Vec::new();
        while let Some(nl) = self.pending.iter().position(|&b| b == b'\n') {
            let line: Vec<u8> = self.pending.drain(..=nl).collect();
            if let Ok(event) = serde_json::from_slice::<Event>(&line) {
                events.push(event);
            }
        }
        events
    }
}

/// The state of a module's run across worker restarts.
struct State {
    ids: Option<Vec<String>>,
    results: Vec<Option<CaseResult>>,
    /// The announced case and when it started.
    current: Option<(usize, Instant)>,
    done: bool,
    import_error: Option<String>,
    import_skip: Option<String>,
}

impl State {
    fn apply(&mut self, event: Event) {
        match event {
            Event::Loaded { ids } => {
                if self.ids.is_none() {
                    self.results = vec![None; ids.len()];
                    self.ids = Some(ids);
                }
            }
            Event::Start { index } => self.current = Some((index, Instant::now())),
            Event::End {
                index,
                id,
                outcome,
                duration,
                error,
            } => {
                if let Some(slot) = self.results.get_mut(index) {
                    let outcome = Outcome::parse(&outcome).unwrap_or(Outcome::Error);
                    *slot = Some(CaseResult {
                        id,
                        outcome,
                        duration,
                        error: if outcome.is_pass() { None } else { error },
                    });
                }
                self.current = None;
            }
            Event::ImportError { error } => self.import_error = Some(error),
            Event::ImportSkip { reason } => self.import_skip = Some(reason),
            Event::Done => self.done = true,
            Event::Other => {}
        }
    }

    fn set(&mut self, index: usize, outcome: Outcome, error: String, duration: f64) {
        let id = self
            .ids
            .as_ref()
            .and_then(|ids| ids.get(index))
            .cloned()
            .unwrap_or_else(|| format!("#{index}"));
        if let Some(slot) = self.results.get_mut(index) {
            *slot = Some(CaseResult {
                id,
                outcome,
                duration,
                error: Some(error),
            });
        }
    }

    /// Records every case without a result as `outcome`.
    fn fill(&mut self, outcome: Outcome, error: &str) {
        for index in 0..self.results.len() {
            if self.results[index].is_none() {
                self.set(index, outcome, error.to_string(), 0.0);
            }
        }
    }

    fn first_missing(&self, from: usize) -> Option<usize> {
        (from..self.results.len()).find(|&i| self.results[i].is_none())
    }
}

/// How one worker process ended.
enum Ended {
    Exited(Exit),
    /// It finished but did not exit within its grace period.
    Lingered,
    /// Nothing happened for the per-case limit while no case ran.
    Idle,
    CaseTimeout(usize, f64),
    ModuleTimeout,
}

/// Runs `plan.module` under `interp` to the end, restarting the worker as often as needed.
pub fn run_module(interp: &Interp, plan: &Plan) -> ModuleRun {
    let started = Instant::now();
    let mut state = State {
        ids: None,
        results: Vec::new(),
        current: None,
        done: false,
        import_error: None,
        import_skip: None,
    };
    let mut restarts = 0;
    let mut note: Option<String> = None;
    let failure = prepare(plan).err();
    let records_path = plan.scratch.join("records.jsonl");
    let log_path = plan.scratch.join("worker.log");
    let mut records = Records::new(&records_path);
    let mut start = 0;
    if let Some(error) = failure {
        state.import_error = Some(error);
    }
    while state.import_error.is_none() {
        let mut child = match spawn(interp, plan, start, &records_path, &log_path) {
            Ok(child) => child,
            Err(e) => {
                state.import_error = Some(e);
                break;
            }
        };
        state.current = None;
        let mut last_event = Instant::now();
        let ended = loop {
            for event in records.poll() {
                state.apply(event);
                last_event = Instant::now();
            }
            match child.try_wait() {
                Ok(Some(status)) => break Ended::Exited(Exit::from_status(status)),
                Ok(None) => {}
                Err(_) => break Ended::Exited(Exit::Code(-1)),
            }
            if let Some((index, since)) = state.current {
                if since.elapsed() > plan.case_timeout {
                    break Ended::CaseTimeout(index, since.elapsed().as_secs_f64());
                }
            }
            if started.elapsed() > plan.module_timeout {
                break Ended::ModuleTimeout;
            }
            let finished =
                state.done || state.import_error.is_some() || state.import_skip.is_some();
            if finished && last_event.elapsed() > plan.exit_grace {
                // Threads or children a test left behind keep it from exiting.
                break Ended::Lingered;
            }
            if !finished && state.current.is_none() && last_event.elapsed() > plan.case_timeout {
                break Ended::Idle;
            }
            std::thread::sleep(POLL);
        };
        // Whatever the worker left running (servers, children of a test) goes with its group.
        process::kill_group(&mut child);
        let _ = child.wait();
        for event in records.poll() {
            state.apply(event);
        }
        if state.done || state.import_error.is_some() || state.import_skip.is_some() {
            break;
        }
        let next = match ended {
            Ended::ModuleTimeout => {
                let limit = plan.module_timeout.as_secs();
                if let Some((index, since)) = state.current {
                    let error = format!("timed out: the module ran past its limit of {limit} s");
                    state.set(
                        index,
                        Outcome::Timeout,
                        error,
                        since.elapsed().as_secs_f64(),
                    );
                }
                let error = format!("not run: the module ran past its limit of {limit} s");
                state.fill(Outcome::Timeout, &error);
                break;
            }
            Ended::CaseTimeout(index, seconds) => {
                let limit = plan.case_timeout.as_secs();
                state.set(
                    index,
                    Outcome::Timeout,
                    format!("timed out after {limit} s"),
                    seconds,
                );
                index + 1
            }
            Ended::Lingered => break,
            Ended::Idle => {
                let limit = plan.case_timeout.as_secs();
                if state.ids.is_none() {
                    state.import_error =
                        Some(format!("timed out after {limit} s loading the module"));
                    break;
                }
                let Some(index) = state.first_missing(start) else {
                    break;
                };
                let error = format!(
                    "timed out after {limit} s outside any case (in a class or module fixture)"
                );
                state.set(index, Outcome::Timeout, error, limit as f64);
                index + 1
            }
            Ended::Exited(exit) if state.ids.is_none() => {
                state.import_error = Some(worker_failure(exit, &log_path));
                break;
            }
            Ended::Exited(exit) => match state.current {
                Some((index, since)) => {
                    let error = worker_failure(exit, &log_path);
                    state.set(index, Outcome::Crash, error, since.elapsed().as_secs_f64());
                    index + 1
                }
                None => match state.first_missing(start) {
                    Some(index) => index,
                    None => {
                        note = Some(format!(
                            "the worker ended without finishing ({})",
                            exit.describe()
                        ));
                        break;
                    }
                },
            },
        };
        restarts += 1;
        match state.first_missing(next) {
            None => break,
            Some(_) if restarts > plan.max_restarts => {
                let error = format!(
                    "not run: the worker was restarted {} times",
                    plan.max_restarts
                );
                state.fill(Outcome::Crash, &error);
                break;
            }
            Some(index) => start = index,
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let (status, error) = if let Some(error) = state.import_error.take() {
        (ModuleStatus::ImportError, Some(error))
    } else if let Some(reason) = state.import_skip.take() {
        (ModuleStatus::Skipped, Some(reason))
    } else {
        state.fill(
            Outcome::Error,
            "the worker recorded no outcome for this case",
        );
        (ModuleStatus::Ran, note)
    };
    let cases = if status == ModuleStatus::Ran {
        state.results.into_iter().flatten().collect()
    } else {
        Vec::new()
    };
    let _ = std::fs::remove_dir_all(plan.scratch.join("cwd"));
    let _ = std::fs::remove_dir_all(plan.scratch.join("tmp"));
    ModuleRun {
        module: plan.module.clone(),
        status,
        error,
        cases,
        seconds,
        restarts,
    }
}

/// Empties the scratch directory and writes the expectations file.
fn prepare(plan: &Plan) -> Result<(), String> {
    let _ = std::fs::remove_dir_all(&plan.scratch);
    for dir in ["cwd", "tmp"] {
        let d = plan.scratch.join(dir);
        std::fs::create_dir_all(&d)
            .map_err(|e| format!("harness: cannot create {}: {e}", d.display()))?;
    }
    if let Some(text) = &plan.expectations {
        let path = plan.scratch.join("expectations.txt");
        std::fs::write(&path, text)
            .map_err(|e| format!("harness: cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}

fn spawn(
    interp: &Interp,
    plan: &Plan,
    start: usize,
    records: &Path,
    log: &Path,
) -> Result<std::process::Child, String> {
    let log_file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .map_err(|e| format!("harness: cannot open {}: {e}", log.display()))?;
    let log_err = log_file
        .try_clone()
        .map_err(|e| format!("harness: cannot open {}: {e}", log.display()))?;
    let tmp = plan.scratch.join("tmp");
    let mut cmd = Command::new(&interp.program);
    cmd.arg(&plan.worker)
        .args(["--module", &plan.module, "--start", &start.to_string()])
        .arg("--records")
        .arg(records);
    if plan.expectations.is_some() {
        cmd.arg("--expect")
            .arg(plan.scratch.join("expectations.txt"));
    }
    if let Some(exe) = &interp.executable {
        cmd.arg("--executable").arg(exe);
    }
    cmd.current_dir(plan.scratch.join("cwd"))
        .env_clear()
        .env(
            "PATH",
            std::env::var_os("PATH").unwrap_or_else(|| "/usr/bin:/bin".into()),
        )
        .env("HOME", &tmp)
        .env("TMPDIR", &tmp)
        .env("LANG", "C.UTF-8")
        .env("RUST_BACKTRACE", "0")
        .envs(interp.env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .stdin(Stdio::null())
        .stdout(log_file)
        .stderr(log_err);
    process::own_group(&mut cmd);
    cmd.spawn()
        .map_err(|e| format!("harness: cannot run {}: {e}", interp.program.display()))
}

/// What a worker that died says: its last line, and how it ended unless it simply exited.
fn worker_failure(exit: Exit, log: &Path) -> String {
    let last = process::last_line(&process::file_tail(log, 16 << 10));
    match (exit, last) {
        (Exit::Code(_), Some(line)) => line,
        (exit, Some(line)) => format!("{}: {line}", exit.describe()),
        (exit, None) => format!(
            "the worker ended with {} and printed nothing",
            exit.describe()
        ),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[path = "driver_tests.rs"]
mod tests;
