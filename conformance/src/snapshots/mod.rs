//! The snapshot track (ARCHITECTURE.md, "The conformance harness", track 2): the programs in
//! `conformance/cases/<topic>/<name>.py`, run by protopy and compared through insta with the
//! stdout, stderr and exit status recorded from the reference CPython in
//! `conformance/cases/snapshots/<topic>__<name>.snap`.
//!
//! Both interpreters run a case the same way: working directory `conformance/cases`, the
//! relative path `<topic>/<name>.py` as the script, stdin from `/dev/null`, and a cleared
//! environment holding only what is listed in [`ENVIRONMENT`] (UTF-8 mode through `PYTHONUTF8=1`
//! rather than `-X utf8`, because protopy takes no `-X` options; `PYTHONHASHSEED=0`, so set
//! iteration order is fixed). Output is normalized before comparison (`$CASES`, `$STDLIB`,
//! `$PYTHON`, `$TMP`, `at 0x$ADDR`; see [`crate::normalize`]). protopy runs each case twice:
//! normally and with `PROTOPY_GC_STRESS=1`.

pub mod record;
pub mod render;

use crate::normalize::Normalizer;
use crate::outcome::Outcome;
use crate::process::{self, Captured, Exit};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// The environment variable that turns on protopy's GC stress mode (collect at every
/// allocation request).
pub const GC_STRESS_VAR: &str = "PROTOPY_GC_STRESS";

/// The environment both interpreters run a case with (besides `PATH`, `HOME` and `TMPDIR`).
pub const ENVIRONMENT: &[(&str, &str)] = &[
    ("LC_ALL", "C.UTF-8"),
    ("LANG", "C.UTF-8"),
    ("PYTHONUTF8", "1"),
    ("PYTHONHASHSEED", "0"),
    ("PYTHONDONTWRITEBYTECODE", "1"),
    ("PYTHONNOUSERSITE", "1"),
    ("PYTHON_COLORS", "0"),
    ("NO_COLOR", "1"),
    ("TERM", "dumb"),
    ("TZ", "UTC"),
    ("COLUMNS", "80"),
    ("LINES", "24"),
    ("RUST_BACKTRACE", "0"),
];

/// The cases directory, `<repo>/conformance/cases`.
pub fn cases_dir(repo: &Path) -> PathBuf {
    repo.join("conformance").join("cases")
}

/// Where the recorded snapshots live.
pub fn snapshots_dir(cases: &Path) -> PathBuf {
    cases.join("snapshots")
}

/// One program of the track.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Case {
    /// `<topic>/<name>`: the test name and the manifest key.
    pub id: String,
    /// `<topic>/<name>.py`, relative to the cases directory.
    pub rel: String,
    pub path: PathBuf,
}

impl Case {
    /// `<topic>__<name>`: the snapshot's name (its file is `<topic>__<name>.snap`).
    pub fn snapshot_name(&self) -> String {
        self.id.replace('/', "__")
    }

    pub fn snapshot_path(&self, cases: &Path) -> PathBuf {
        snapshots_dir(cases).join(format!("{}.snap", self.snapshot_name()))
    }
}

/// Every case: `<cases>/<topic>/<name>.py`, one level deep. Topics and files whose names start
/// with `_` or `.` are helpers, not cases (a case may import a `_helper.py` beside it); the
/// `snapshots` folder is not a topic.
pub fn discover(cases: &Path) -> Result<Vec<Case>, String> {
    let mut found = Vec::new();
    let topics =
        std::fs::read_dir(cases).map_err(|e| format!("cannot list {}: {e}", cases.display()))?;
    for topic in topics.flatten() {
        let topic_name = topic.file_name().to_string_lossy().into_owned();
        if !topic.path().is_dir() || topic_name == "snapshots" || is_helper(&topic_name) {
            continue;
        }
        let files = std::fs::read_dir(topic.path())
            .map_err(|e| format!("cannot list {}: {e}", topic.path().display()))?;
        for file in files.flatten() {
            let file_name = file.file_name().to_string_lossy().into_owned();
            let Some(stem) = file_name.strip_suffix(".py") else {
                continue;
            };
            if is_helper(stem)
                || !file.path().is_file()
                || !valid_name(stem)
                || !valid_name(&topic_name)
            {
                continue;
            }
            found.push(Case {
                id: format!("{topic_name}/{stem}"),
                rel: format!("{topic_name}/{file_name}"),
                path: file.path(),
            });
        }
    }
    found.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(found)
}

fn is_helper(name: &str) -> bool {
    name.starts_with('_') || name.starts_with('.')
}

/// Names that make a plain snapshot file name and test name.
fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// How protopy runs a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    Normal,
    GcStress,
}

impl Mode {
    pub const ALL: [Mode; 2] = [Mode::Normal, Mode::GcStress];

    pub fn name(self) -> &'static str {
        match self {
            Mode::Normal => "normal",
            Mode::GcStress => "gc-stress",
        }
    }

    /// The test name: `topic/name`, or `topic/name [gc-stress]`.
    pub fn trial_name(self, id: &str) -> String {
        match self {
            Mode::Normal => id.to_string(),
            Mode::GcStress => format!("{id} [gc-stress]"),
        }
    }

    /// How long a case may run in this mode. CPython runs each case in well under a second; the
    /// limits leave room for protopy's debug build, which `cargo test` runs, and for GC stress
    /// there (a collection at every safepoint: one deep-recursion case took 46 s on a loaded
    /// 2-core machine; the limit leaves room for slower CI machines).
    pub fn time_limit(self) -> Duration {
        match self {
            Mode::Normal => Duration::from_secs(20),
            Mode::GcStress => Duration::from_secs(300),
        }
    }
}

/// The limit for a case the manifest records as timing out: it is expected to hang, so it is not
/// given the full limit on every run; if it finishes within this, it is judged as usual.
pub const EXPECTED_TIMEOUT_LIMIT: Duration = Duration::from_secs(3);

/// protopy's exit status for an uncaught exception (DEVELOPERS.md); CPython's is 1.
pub const UNCAUGHT_EXCEPTION_STATUS: i32 = 70;

/// Which interpreter a [`Runner`] drives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Interpreter {
    Reference,
    Protopy,
}

/// Runs cases under one interpreter and renders their output as snapshot text.
#[derive(Clone, Debug)]
pub struct Runner {
    pub interpreter: Interpreter,
    pub program: PathBuf,
    pub cases: PathBuf,
    /// `PROTOPY_STDLIB` for protopy.
    pub stdlib: Option<PathBuf>,
    normalizer: Normalizer,
    scratch: PathBuf,
}

impl Runner {
    /// A runner for `program` (the reference's wrapper, or a protopy binary). `stdlib` is the
    /// reference's `Lib/` when known; `scratch` holds each run's `TMPDIR`.
    pub fn new(
        interpreter: Interpreter,
        program: &Path,
        repo: &Path,
        stdlib: Option<&Path>,
        scratch: &Path,
    ) -> Runner {
        let cases = cases_dir(repo);
        let mut normalizer = Normalizer::new()
            .path(&cases, "$CASES")
            .path(program, "$PYTHON")
            .path(&repo.join("lib"), "$STDLIB");
        if let Some(stdlib) = stdlib {
            normalizer = normalizer.path(stdlib, "$STDLIB");
            // The reference's binary and the launcher beside it, which `sys.executable` names.
            if let Some(prefix) = stdlib.parent().and_then(Path::parent) {
                normalizer = normalizer
                    .path(&prefix.join("bin/python3.14"), "$PYTHON")
                    .path(&prefix.join("bin/python3.14-ref"), "$PYTHON");
            }
        }
        normalizer = normalizer.path(scratch, "$TMP");
        Runner {
            interpreter,
            program: program.to_path_buf(),
            cases,
            stdlib: stdlib.map(Path::to_path_buf),
            normalizer,
            scratch: scratch.to_path_buf(),
        }
    }

    /// Runs `case` in `mode` (the mode only matters to protopy) for at most `limit`.
    pub fn run(&self, case: &Case, mode: Mode, limit: Duration) -> Result<Captured, String> {
        let tmp = self
            .scratch
            .join(format!("{}-{}", case.snapshot_name(), mode.name()));
        let _ = std::fs::remove_dir_all(&tmp);
        std::fs::create_dir_all(&tmp)
            .map_err(|e| format!("cannot create {}: {e}", tmp.display()))?;
        let mut cmd = Command::new(&self.program);
        cmd.arg(&case.rel).current_dir(&self.cases).env_clear();
        cmd.env(
            "PATH",
            std::env::var_os("PATH").unwrap_or_else(|| "/usr/bin:/bin".into()),
        )
        .env("HOME", &tmp)
        .env("TMPDIR", &tmp)
        .envs(ENVIRONMENT.iter().copied());
        if self.interpreter == Interpreter::Protopy {
            if let Some(stdlib) = &self.stdlib {
                cmd.env("PROTOPY_STDLIB", stdlib);
            }
            if mode == Mode::GcStress {
                cmd.env(GC_STRESS_VAR, "1");
            }
        }
        let result = process::run_captured(&mut cmd, limit);
        let _ = std::fs::remove_dir_all(&tmp);
        result
    }

    /// The snapshot text of a run. protopy's documented status for an uncaught exception (70,
    /// `EX_SOFTWARE`) is shown as CPython's 1 when protopy said why on stderr, so that the
    /// streams and statuses of both are compared as one; `sys.exit(70)` (nothing on stderr)
    /// keeps its 70.
    pub fn render(&self, case: &Case, mode: Mode, run: &Captured) -> String {
        let tmp = self
            .scratch
            .join(format!("{}-{}", case.snapshot_name(), mode.name()));
        let normalizer = self.normalizer.clone().path(&tmp, "$TMP");
        if self.interpreter == Interpreter::Protopy
            && run.exit == Exit::Code(UNCAUGHT_EXCEPTION_STATUS)
            && !run.stderr.is_empty()
        {
            let mut run = run.clone();
            run.exit = Exit::Code(1);
            return render::render(&run, &normalizer);
        }
        render::render(run, &normalizer)
    }
}

/// Runs `cases` under protopy in both modes on `jobs` threads, each for at most `limit(case,
/// mode)`, and judges each run against its snapshot. A run the harness could not start is an
/// `error` result saying why.
pub fn run_all(
    runner: &Runner,
    cases: &[Case],
    jobs: usize,
    limit: &(dyn Fn(&Case, Mode) -> Duration + Sync),
) -> Result<Vec<CaseResult>, String> {
    use rayon::prelude::*;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.max(1))
        .build()
        .map_err(|e| format!("cannot start the thread pool: {e}"))?;
    let trials: Vec<(&Case, Mode)> = cases
        .iter()
        .flat_map(|c| Mode::ALL.into_iter().map(move |m| (c, m)))
        .collect();
    Ok(pool.install(|| {
        trials
            .par_iter()
            .map(|&(case, mode)| {
                let expected = load_snapshot(&case.snapshot_path(&runner.cases));
                let run = runner.run(case, mode, limit(case, mode));
                match (run, expected) {
                    (Ok(run), Ok(expected)) => {
                        let actual = runner.render(case, mode, &run);
                        judge(case, mode, &run, &actual, expected.as_ref())
                    }
                    (Err(e), _) | (_, Err(e)) => CaseResult {
                        id: case.id.clone(),
                        mode,
                        outcome: Outcome::Error,
                        error: Some(format!("harness: {e}")),
                        diff: None,
                        seconds: 0.0,
                    },
                }
            })
            .collect()
    }))
}

/// A fresh scratch directory for a run of the track (under the system's temporary directory).
pub fn scratch_dir(label: &str) -> PathBuf {
    std::env::temp_dir().join(format!(
        "protopy-conformance-{label}-{}",
        std::process::id()
    ))
}

/// What one case did under protopy in one mode.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaseResult {
    pub id: String,
    pub mode: Mode,
    pub outcome: Outcome,
    /// The first error line: protopy's last line on stderr, or how it ended, or where stdout
    /// departs from the snapshot.
    pub error: Option<String>,
    /// A unified diff against the snapshot (not serialized into reports).
    #[serde(skip)]
    pub diff: Option<String>,
    pub seconds: f64,
}

/// Reads a recorded snapshot through insta; `None` when there is none.
pub fn load_snapshot(
    path: &Path,
) -> Result<Option<insta::internals::TextSnapshotContents>, String> {
    if !path.is_file() {
        return Ok(None);
    }
    let snapshot = insta::Snapshot::from_file(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    match snapshot.contents().as_text() {
        Some(text) => Ok(Some(text.clone())),
        None => Err(format!("{} is a binary snapshot", path.display())),
    }
}

/// Compares protopy's run of a case with its snapshot (through insta's text comparison).
pub fn judge(
    case: &Case,
    mode: Mode,
    run: &Captured,
    actual: &str,
    expected: Option<&insta::internals::TextSnapshotContents>,
) -> CaseResult {
    let seconds = run.duration.as_secs_f64();
    let Some(expected) = expected else {
        return CaseResult {
            id: case.id.clone(),
            mode,
            outcome: Outcome::Error,
            error: Some(format!(
                "no snapshot recorded for {} (run `cargo xtask conformance --record`)",
                case.rel
            )),
            diff: None,
            seconds,
        };
    };
    let actual_contents = insta::internals::TextSnapshotContents::new(
        actual.to_string(),
        insta::TextSnapshotKind::File,
    );
    if expected.matches_latest(&actual_contents) {
        return CaseResult {
            id: case.id.clone(),
            mode,
            outcome: Outcome::Pass,
            error: None,
            diff: None,
            seconds,
        };
    }
    let expected_text = expected.to_string();
    let actual_text = actual_contents.to_string();
    let diff = similar::TextDiff::from_lines(&expected_text, &actual_text)
        .unified_diff()
        .context_radius(3)
        .header("CPython (snapshot)", "protopy")
        .to_string();
    let panicked = String::from_utf8_lossy(&run.stderr).contains("panicked at");
    let outcome = match run.exit {
        Exit::Timeout => Outcome::Timeout,
        Exit::Signal(_) => Outcome::Crash,
        Exit::Code(101) if panicked => Outcome::Crash,
        Exit::Code(_) => Outcome::Fail,
    };
    CaseResult {
        id: case.id.clone(),
        mode,
        outcome,
        error: Some(first_error(run, &expected_text, &actual_text)),
        diff: Some(diff),
        seconds,
    }
}

/// The line that best says why a run differs from its snapshot: how it ended when it crashed or
/// hung; protopy's last line on stderr when stderr differs; the first differing line when stdout
/// does; else the exit statuses.
fn first_error(run: &Captured, expected: &str, actual: &str) -> String {
    let last = process::last_line(&run.stderr);
    match (run.exit, last.as_deref()) {
        (Exit::Timeout, _) => {
            return format!("timed out after {:.0} s", run.duration.as_secs_f64())
        }
        (Exit::Signal(_), Some(line)) => return format!("{}: {line}", run.exit.describe()),
        (Exit::Signal(_), None) => return run.exit.describe(),
        (Exit::Code(_), _) => {}
    }
    let (want, got) = (sections(expected), sections(actual));
    if want.1 != got.1 {
        if let Some(line) = last {
            return line;
        }
    }
    for (name, theirs, ours) in [("stdout", want.0, got.0), ("stderr", want.1, got.1)] {
        if theirs != ours {
            let (a, b): (Vec<&str>, Vec<&str>) = (theirs.lines().collect(), ours.lines().collect());
            let at = a
                .iter()
                .zip(&b)
                .position(|(x, y)| x != y)
                .unwrap_or(a.len().min(b.len()));
            let show = |l: Option<&&str>| {
                l.map_or("(nothing)".to_string(), |l| {
                    format!("`{}`", l.chars().take(80).collect::<String>())
                })
            };
            return format!(
                "{name} line {}: CPython {}, protopy {}",
                at + 1,
                show(a.get(at)),
                show(b.get(at))
            );
        }
    }
    let status = |end: &str| end.trim_matches(['-', ' ']).to_string();
    format!("{}; CPython's {}", status(got.2), status(want.2))
}

/// A rendered snapshot's stdout, stderr and final line (see `render`).
fn sections(text: &str) -> (&str, &str, &str) {
    let stderr_at = text.find("\n--- stderr").map_or(text.len(), |i| i + 1);
    let end_at = text
        .rfind("\n--- ")
        .map(|i| i + 1)
        .filter(|&i| i > stderr_at)
        .unwrap_or(text.len());
    // A section's text follows its header line.
    let body = |from: usize, to: usize| -> &str {
        let chunk = text.get(from..to).unwrap_or("");
        chunk.split_once('\n').map_or("", |(_, rest)| rest)
    };
    (
        body(0, stderr_at),
        body(stderr_at, end_at),
        text.get(end_at..).unwrap_or("").trim_end(),
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn tempdir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("protopy-snap-test-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn discovery_finds_cases_one_level_deep_and_skips_helpers() {
        let dir = tempdir("discover");
        for f in [
            "b/two.py",
            "a/one.py",
            "a/_helper.py",
            "a/notes.txt",
            "_lib/x.py",
            "snapshots/a__one.py",
            "a/bad name.py",
        ] {
            let p = dir.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, "print(1)\n").unwrap();
        }
        let cases = discover(&dir).unwrap();
        let ids: Vec<&str> = cases.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["a/one", "b/two"]);
        assert_eq!(cases[0].rel, "a/one.py");
        assert_eq!(cases[0].snapshot_name(), "a__one");
        assert_eq!(Mode::GcStress.trial_name("a/one"), "a/one [gc-stress]");
        let _ = std::fs::remove_dir_all(&dir);
    }

    fn run(stdout: &[u8], stderr: &[u8], exit: Exit) -> Captured {
        Captured {
            stdout: stdout.to_vec(),
            stderr: stderr.to_vec(),
            dropped: (0, 0),
            exit,
            duration: Duration::ZERO,
        }
    }

    fn case() -> Case {
        Case {
            id: "t/c".to_string(),
            rel: "t/c.py".to_string(),
            path: PathBuf::from("t/c.py"),
        }
    }

    fn contents(text: &str) -> insta::internals::TextSnapshotContents {
        insta::internals::TextSnapshotContents::new(text.to_string(), insta::TextSnapshotKind::File)
    }

    #[test]
    fn matching_output_passes_and_other_output_fails_with_its_reason() {
        let expected = contents("--- stdout ---\nhi\n--- stderr ---\n--- exit status 0 ---\n");
        let r = run(b"hi\n", b"", Exit::Code(0));
        let text = render::render(&r, &Normalizer::new());
        assert_eq!(
            judge(&case(), Mode::Normal, &r, &text, Some(&expected)).outcome,
            Outcome::Pass
        );

        let r = run(
            b"",
            b"Traceback\nNotImplementedError: later\n",
            Exit::Code(70),
        );
        let text = render::render(&r, &Normalizer::new());
        let v = judge(&case(), Mode::Normal, &r, &text, Some(&expected));
        assert_eq!(v.outcome, Outcome::Fail);
        assert_eq!(v.error.as_deref(), Some("NotImplementedError: later"));
        assert!(v.diff.unwrap().contains("-hi"));

        let r = run(
            b"",
            b"thread 'main' panicked at src/x.rs:1:1:\nboom\n",
            Exit::Code(101),
        );
        let text = render::render(&r, &Normalizer::new());
        assert_eq!(
            judge(&case(), Mode::GcStress, &r, &text, Some(&expected)).outcome,
            Outcome::Crash
        );

        let r = run(b"hi\nho\n", b"", Exit::Code(0));
        let text = render::render(&r, &Normalizer::new());
        let v = judge(&case(), Mode::Normal, &r, &text, Some(&expected));
        assert_eq!(
            v.error.as_deref(),
            Some("stdout line 2: CPython (nothing), protopy `ho`")
        );

        // Same output, another status: the statuses are the reason.
        let expected =
            contents("--- stdout ---\n--- stderr ---\nSyntaxError: x\n--- exit status 1 ---\n");
        let r = run(b"", b"SyntaxError: x\n", Exit::Code(70));
        let text = render::render(&r, &Normalizer::new());
        let v = judge(&case(), Mode::Normal, &r, &text, Some(&expected));
        assert_eq!(
            v.error.as_deref(),
            Some("exit status 70; CPython's exit status 1")
        );
    }

    #[test]
    fn a_missing_snapshot_is_an_error_that_says_how_to_record() {
        let r = run(b"", b"", Exit::Code(0));
        let v = judge(&case(), Mode::Normal, &r, "", None);
        assert_eq!(v.outcome, Outcome::Error);
        assert!(v.error.unwrap().contains("--record"));
    }
}
