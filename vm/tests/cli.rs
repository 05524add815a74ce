//! The `protopy` command line, driven as a user would: exit statuses (DEVELOPERS.md: 0, 64
//! usage, 65 not found, 70 uncaught exception), `--dump-ast`, and syntax-error reports, whose
//! expected text is what CPython 3.14 prints for the same `-c` program.

use std::process::{Command, Output};

#[allow(clippy::expect_used)] // failing to start the binary is a broken test setup, not input
fn protopy(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_protopy"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the protopy binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn dump_ast_of_an_example_succeeds() {
    let out = protopy(&["--dump-ast", "../examples/hello.py"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("Module(body=[Expr(value=Constant(value=\"A small program"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Match(subject=Call(func=Name(id='greet', ctx=Load())"),
        "{stdout}"
    );
    assert!(stdout.ends_with("])\n"), "{stdout}");
    let with_positions = protopy(&["--dump-ast", "--include-attributes", "../examples/hello.py"]);
    let text = String::from_utf8_lossy(&with_positions.stdout);
    assert!(
        text.contains("FunctionDef(name='greet'") && text.contains("lineno=5, col_offset=0"),
        "{text}"
    );
}

#[test]
fn the_readme_example_runs() {
    let out = protopy(&["../examples/hello.py"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "Hello, world!\n");
}

#[test]
fn missing_script_exits_65() {
    let out = protopy(&["no/such/script.py"]);
    assert_eq!(out.status.code(), Some(65));
    let err = stderr(&out);
    assert!(
        err.contains("can't open file '")
            && err.ends_with("script.py': [Errno 2] No such file or directory\n"),
        "{err}"
    );
}

#[test]
fn usage_errors_exit_64() {
    for args in [
        &["--no-such-option"][..],
        &["--include-attributes", "x.py"],
        &["-c"],
    ] {
        let out = protopy(args);
        assert_eq!(out.status.code(), Some(64), "{args:?}: {}", stderr(&out));
    }
    assert_eq!(protopy(&["--help"]).status.code(), Some(0));
}

#[test]
fn syntax_errors_are_reported_as_cpython_does_and_exit_70() {
    let cases: &[(&str, &str)] = &[
        ("x = (1 +", "  File \"<string>\", line 1\n    x = (1 +\n        ^\nSyntaxError: '(' was never closed\n"),
        (
            "f(a for a in b, c)",
            "  File \"<string>\", line 1\n    f(a for a in b, c)\n      ^^^^^^^^^^^^\nSyntaxError: Generator expression must be parenthesized\n",
        ),
        ("x = 1\n  y = 2", "  File \"<string>\", line 2\n    y = 2\nIndentationError: unexpected indent\n"),
        (
            "print \"hi\"",
            "  File \"<string>\", line 1\n    print \"hi\"\n    ^^^^^^^^^^\nSyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n",
        ),
        ("if x:\n\ta\n        b", "  File \"<string>\", line 3\n    b\nTabError: inconsistent use of tabs and spaces in indentation\n"),
        ("x = \"é\" + €", "  File \"<string>\", line 1\n    x = \"é\" + €\n              ^\nSyntaxError: invalid character '€' (U+20AC)\n"),
    ];
    for (code, expected) in cases {
        let out = protopy(&["-c", code]);
        assert_eq!(out.status.code(), Some(70), "{code:?}");
        assert_eq!(stderr(&out), *expected, "{code:?}");
    }
}

#[test]
fn code_runs_and_prints() {
    let out = protopy(&["-c", "print(1 + 2)"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "3\n");
}

#[test]
fn uncaught_exception_prints_traceback_and_exits_70() {
    let out = protopy(&["-c", "x = 1\n1 / 0"]);
    assert_eq!(out.status.code(), Some(70));
    assert_eq!(
        stderr(&out),
        "Traceback (most recent call last):\n  File \"<string>\", line 2, in <module>\n    1 / 0\n    ~~^~~\nZeroDivisionError: division by zero\n"
    );
}

#[test]
fn sys_exit_passes_its_status_through() {
    let out = protopy(&["-c", "import sys\nsys.exit(3)"]);
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(stderr(&out), "");
}
