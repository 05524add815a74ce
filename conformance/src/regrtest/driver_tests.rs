//! Tests of the worker driver with a fake interpreter: a shell script that speaks the worker's
//! protocol and crashes, hangs or fails to start on request (the module name says which).

use super::*;

/// Arguments arrive as: WORKER --module M --start K --records R [--expect E].
const FAKE: &str = r#"#!/bin/sh
module=$3; start=$5; rec=$7
if [ "$module" = noload ]; then
  echo "some noise" >&2
  echo "NotImplementedError: executing Python code needs the interpreter" >&2
  exit 70
fi
if [ "$module" = importerror ]; then
  echo '{"event":"import_error","error":"ImportError: no _thing"}' >> "$rec"; exit 0
fi
echo '{"event":"loaded","count":4,"ids":["A.a","A.b","A.c","A.d"]}' >> "$rec"
i=$start
while [ $i -lt 4 ]; do
  [ "$module:$i" = fixturehang:1 ] && sleep 30
  echo "{\"event\":\"start\",\"index\":$i,\"id\":\"x\"}" >> "$rec"
  case "$module:$i" in
    crash:1) echo "thread 'main' panicked at src/gc.rs:1:1:" >&2; echo "stale handle" >&2; kill -SEGV $$ ;;
    hang:2|slow:*) sleep 30 ;;
  esac
  outcome=pass; [ $i = 3 ] && outcome=fail
  echo "{\"event\":\"end\",\"index\":$i,\"id\":\"A.$i\",\"outcome\":\"$outcome\",\"duration\":0.5,\"error\":\"AssertionError: 1 != 2\"}" >> "$rec"
  i=$((i+1))
done
echo '{"event":"done"}' >> "$rec"
[ "$module" = linger ] && sleep 30
exit 0
"#;

fn setup(name: &str) -> (Interp, PathBuf) {
    let dir =
        std::env::temp_dir().join(format!("protopy-driver-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let fake = dir.join("fake-python");
    std::fs::write(&fake, FAKE).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let interp = Interp {
        program: fake,
        executable: None,
        env: Vec::new(),
    };
    (interp, dir)
}

fn plan(module: &str, dir: &Path) -> Plan {
    Plan {
        module: module.to_string(),
        worker: PathBuf::from("worker.py"),
        expectations: None,
        case_timeout: Duration::from_secs(20),
        module_timeout: Duration::from_secs(60),
        max_restarts: 10,
        exit_grace: Duration::from_millis(300),
        scratch: dir.join("scratch"),
    }
}

fn outcomes(run: &ModuleRun) -> Vec<Outcome> {
    run.cases.iter().map(|c| c.outcome).collect()
}

#[test]
fn a_clean_run_records_every_case() {
    let (interp, dir) = setup("clean");
    let run = run_module(&interp, &plan("fine", &dir));
    assert_eq!(run.status, ModuleStatus::Ran);
    assert_eq!(
        outcomes(&run),
        [Outcome::Pass, Outcome::Pass, Outcome::Pass, Outcome::Fail]
    );
    assert_eq!(
        run.cases[3].error.as_deref(),
        Some("AssertionError: 1 != 2")
    );
    assert_eq!(run.cases[0].error, None, "a pass carries no error line");
    assert_eq!(run.restarts, 0);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_crash_is_recorded_and_the_module_restarts_from_the_next_case() {
    let (interp, dir) = setup("crash");
    let run = run_module(&interp, &plan("crash", &dir));
    assert_eq!(run.status, ModuleStatus::Ran);
    assert_eq!(
        outcomes(&run),
        [Outcome::Pass, Outcome::Crash, Outcome::Pass, Outcome::Fail]
    );
    assert_eq!(run.cases[1].id, "A.b");
    assert_eq!(
        run.cases[1].error.as_deref(),
        Some("killed by signal 11 (SIGSEGV): stale handle")
    );
    assert_eq!(run.restarts, 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_hung_case_times_out_and_the_rest_still_runs() {
    let (interp, dir) = setup("hang");
    let mut p = plan("hang", &dir);
    p.case_timeout = Duration::from_millis(300);
    let run = run_module(&interp, &p);
    assert_eq!(
        outcomes(&run),
        [
            Outcome::Pass,
            Outcome::Pass,
            Outcome::Timeout,
            Outcome::Fail
        ]
    );
    assert_eq!(run.cases[2].error.as_deref(), Some("timed out after 0 s"));
    assert!(run.seconds < 15.0, "took {} s", run.seconds);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_module_limit_ends_the_module() {
    let (interp, dir) = setup("slow");
    let mut p = plan("slow", &dir);
    p.module_timeout = Duration::from_millis(400);
    let run = run_module(&interp, &p);
    assert_eq!(run.cases.len(), 4);
    assert!(run.cases.iter().all(|c| c.outcome == Outcome::Timeout));
    assert!(run.cases[1]
        .error
        .as_deref()
        .unwrap_or("")
        .starts_with("not run"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_worker_that_cannot_start_is_an_import_error_with_its_last_line() {
    let (interp, dir) = setup("noload");
    let run = run_module(&interp, &plan("noload", &dir));
    assert_eq!(run.status, ModuleStatus::ImportError);
    assert_eq!(
        run.error.as_deref(),
        Some("NotImplementedError: executing Python code needs the interpreter")
    );
    assert!(run.cases.is_empty());
    let run = run_module(&interp, &plan("importerror", &dir));
    assert_eq!(
        (run.status, run.error.as_deref()),
        (ModuleStatus::ImportError, Some("ImportError: no _thing"))
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_missing_interpreter_is_an_import_error_not_a_panic() {
    let (_, dir) = setup("missing");
    let interp = Interp {
        program: dir.join("no-such-python"),
        executable: None,
        env: Vec::new(),
    };
    let run = run_module(&interp, &plan("fine", &dir));
    assert_eq!(run.status, ModuleStatus::ImportError);
    assert!(run.error.unwrap_or_default().contains("cannot run"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_hang_outside_any_case_times_out_the_next_case() {
    let (interp, dir) = setup("fixture");
    let mut p = plan("fixturehang", &dir);
    p.case_timeout = Duration::from_millis(300);
    let run = run_module(&interp, &p);
    assert_eq!(
        outcomes(&run),
        [
            Outcome::Pass,
            Outcome::Timeout,
            Outcome::Pass,
            Outcome::Fail
        ]
    );
    assert!(run.cases[1]
        .error
        .as_deref()
        .unwrap_or("")
        .contains("outside any case"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_worker_that_lingers_after_its_last_case_is_stopped() {
    let (interp, dir) = setup("linger");
    let run = run_module(&interp, &plan("linger", &dir));
    assert_eq!(run.status, ModuleStatus::Ran);
    assert_eq!(run.cases.len(), 4);
    assert!(run.seconds < 10.0, "took {} s", run.seconds);
    let _ = std::fs::remove_dir_all(&dir);
}
