//! Exit statuses of uncaught `SystemExit` and `KeyboardInterrupt`, as CPython 3.14's
//! `_Py_HandleSystemExit` and `exit_sigint` (Modules/main.c) give them, driving the binary.

use std::process::{Command, Output};

#[allow(clippy::expect_used)] // failing to start the binary is a broken test setup, not input
fn run(code: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_protopy"))
        .args(["-c", code])
        .output()
        .expect("the protopy binary runs")
}

#[test]
fn system_exit_codes_follow_cpython() {
    let cases: &[(&str, i32, &str)] = &[
        ("raise SystemExit", 0, ""),
        ("raise SystemExit(None)", 0, ""),
        ("raise SystemExit(3)", 3, ""),
        ("raise SystemExit(259)", 3, ""),
        ("raise SystemExit(True)", 1, ""),
        ("raise SystemExit('bye')", 1, "bye\n"),
        ("raise SystemExit(1, 2)", 1, "(1, 2)\n"),
        ("e = SystemExit(5)\ne.code = 7\nraise e", 7, ""),
    ];
    for &(code, status, stderr) in cases {
        let out = run(code);
        assert_eq!(out.status.code(), Some(status), "{code}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), stderr, "{code}");
    }
}

#[cfg(unix)]
#[test]
fn uncaught_keyboard_interrupt_dies_by_sigint() {
    use std::os::unix::process::ExitStatusExt;
    let out = run("raise KeyboardInterrupt");
    // Where this test runs with SIGINT ignored (a background job of a shell), the signal
    // cannot end the process, which then exits with the shell's status for it.
    assert!(
        out.status.signal() == Some(2) || out.status.code() == Some(130),
        "{:?}",
        out.status
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.ends_with("\nKeyboardInterrupt\n"), "{stderr}");
}
