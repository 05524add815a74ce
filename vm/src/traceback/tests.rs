//! Unit tests of the traceback formatter. Expected texts are CPython 3.14's (`python x.py` stderr,
//! or `TracebackException` output for the same inputs): the uncaught-exception reports of
//! `test_cases.rs`, `SyntaxError` reports, and the frames that the tables cannot express.

use super::test_cases::{REPORTS, WARNING_REPORTS};
use super::*;

/// `__notes__` of a table entry.
pub(super) enum N {
    Absent,
    Items(&'static [&'static str]),
    Other(&'static str),
}

/// One exception of a table entry; frames are `(name, lineno, end_lineno, col, end_col)` in
/// `x.py`.
pub(super) struct Exc {
    pub type_name: &'static str,
    pub message: &'static str,
    pub notes: N,
    pub cause: Option<usize>,
    pub context: Option<usize>,
    pub suppress: bool,
    pub frames: &'static [(&'static str, u32, u32, u32, u32)],
}

/// A program (`x.py`), what the interpreter knows when it dies, and what CPython printed.
pub(super) struct Report {
    pub name: &'static str,
    pub source: &'static str,
    pub limit: Option<i64>,
    pub warnings: SyntaxWarnings,
    pub exceptions: &'static [Exc],
    pub expected: &'static str,
}

/// `linecache.getline` over one source text: lines end at `\n`, `\r\n` or `\r`.
fn getline_in(source: &str, lineno: u32) -> Option<String> {
    let mut rest = source;
    let mut n = 1;
    while !rest.is_empty() {
        let end = rest.find(['\n', '\r']).map_or(rest.len(), |i| {
            if rest[i..].starts_with("\r\n") {
                i + 2
            } else {
                i + 1
            }
        });
        if n == lineno {
            let line = rest[..end].trim_end_matches(['\r', '\n']);
            return Some(format!("{line}\n"));
        }
        rest = &rest[end..];
        n += 1;
    }
    None
}

fn summary(exc: &Exc) -> ExceptionSummary {
    let frames = exc
        .frames
        .iter()
        .map(|&(name, lineno, end_lineno, col, end_col)| Frame {
            filename: "x.py".to_owned(),
            name: name.to_owned(),
            lineno: Some(lineno),
            end_lineno: Some(end_lineno),
            col_offset: Some(col),
            end_col_offset: Some(end_col),
        })
        .collect();
    let notes = match exc.notes {
        N::Absent => Notes::Absent,
        N::Items(items) => Notes::Items(items.iter().map(|s| s.to_string()).collect()),
        N::Other(repr) => Notes::Other(repr.to_owned()),
    };
    ExceptionSummary {
        type_name: exc.type_name.to_owned(),
        message: exc.message.to_owned(),
        notes,
        frames,
        syntax_error: None,
        cause: exc.cause,
        context: exc.context,
        suppress_context: exc.suppress,
    }
}

#[test]
fn reports_match_cpython() {
    let mut failures = Vec::new();
    for report in REPORTS.iter().chain(WARNING_REPORTS) {
        let exceptions: Vec<_> = report.exceptions.iter().map(summary).collect();
        let getline = |file: &str, lineno: u32| {
            (file == "x.py")
                .then(|| getline_in(report.source, lineno))
                .flatten()
        };
        let options = Options {
            tracebacklimit: report.limit,
            syntax_warnings: report.warnings,
        };
        let got = format_exception(&exceptions, 0, &options, &getline);
        if got != report.expected {
            failures.push(format!(
                "{}:\n--- expected\n{}--- got\n{got}",
                report.name, report.expected
            ));
        }
    }
    let total = REPORTS.len() + WARNING_REPORTS.len();
    assert!(
        failures.is_empty(),
        "{} of {total} differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn frame(
    name: &str,
    lineno: Option<u32>,
    end_lineno: Option<u32>,
    col: Option<u32>,
    end_col: Option<u32>,
) -> Frame {
    Frame {
        filename: "x.py".to_owned(),
        name: name.to_owned(),
        lineno,
        end_lineno,
        col_offset: col,
        end_col_offset: end_col,
    }
}

#[test]
fn deep_recursion_is_collapsed() {
    let source = "def f():\n    f()\nf()\n";
    let mut frames = vec![frame("<module>", Some(3), Some(3), Some(0), Some(3))];
    frames.extend((0..999).map(|_| frame("f", Some(2), Some(2), Some(4), Some(7))));
    let exc = ExceptionSummary {
        type_name: "RecursionError".to_owned(),
        message: "maximum recursion depth exceeded".to_owned(),
        frames,
        ..ExceptionSummary::default()
    };
    let text = format_exception(&[exc], 0, &Options::default(), &|_: &str, n| {
        getline_in(source, n)
    });
    let call = "  File \"x.py\", line 2, in f\n    f()\n    ~^^\n";
    let expected = format!(
        "Traceback (most recent call last):\n  File \"x.py\", line 3, in <module>\n    f()\n    ~^^\n{}  \
         [Previous line repeated 996 more times]\nRecursionError: maximum recursion depth exceeded\n",
        call.repeat(3)
    );
    assert_eq!(text, expected);
}

#[test]
fn frames_without_positions_or_source() {
    let source = "x = 1\n    if  a.b :  \n\n";
    let getline = |_: &str, n| getline_in(source, n);
    let cases: &[(Frame, &str)] = &[
        // No columns: the first line, stripped, without an underline.
        (
            frame("f", Some(2), Some(2), None, None),
            "  File \"x.py\", line 2, in f\n    if  a.b :\n",
        ),
        (
            frame("f", Some(2), Some(3), Some(8), None),
            "  File \"x.py\", line 2, in f\n    if  a.b :\n",
        ),
        // No line: nothing to show.
        (
            frame("f", None, None, None, None),
            "  File \"x.py\", line None, in f\n",
        ),
        // A blank or missing line, or an end before the start, shows no source.
        (
            frame("f", Some(3), Some(3), Some(0), Some(1)),
            "  File \"x.py\", line 3, in f\n",
        ),
        (
            frame("f", Some(9), Some(9), Some(0), Some(1)),
            "  File \"x.py\", line 9, in f\n",
        ),
        (
            frame("f", Some(2), Some(1), Some(0), Some(1)),
            "  File \"x.py\", line 2, in f\n",
        ),
        // An attribute has no anchors: plain carets.
        (
            frame("f", Some(2), Some(2), Some(8), Some(11)),
            "  File \"x.py\", line 2, in f\n    if  a.b :\n        ^^^\n",
        ),
        // Columns past the end of the line.
        (
            frame("f", Some(2), Some(2), Some(8), Some(40)),
            "  File \"x.py\", line 2, in f\n    if  a.b :\n        ^^^^^\n",
        ),
    ];
    for (frame, expected) in cases {
        assert_eq!(
            format_frame(frame, &getline, SyntaxWarnings::Show, &mut Vec::new()),
            *expected,
            "{frame:?}"
        );
    }
    let stdin = Frame {
        filename: "<stdin-3>".to_owned(),
        ..frame("<module>", Some(1), None, None, None)
    };
    assert_eq!(
        format_frame(
            &stdin,
            &|_: &str, _| None,
            SyntaxWarnings::Show,
            &mut Vec::new()
        ),
        "  File \"<stdin>\", line 1, in <module>\n"
    );
}

#[test]
fn tracebacklimit_keeps_the_innermost_frames_as_a_python_slice() {
    let frames: Vec<_> = (1..=4)
        .map(|n| frame("f", Some(n), None, None, None))
        .collect();
    let lines = |limit| {
        apply_builtin_limit(&frames, limit)
            .iter()
            .filter_map(|f| f.lineno)
            .collect::<Vec<_>>()
    };
    assert_eq!(lines(None), [1, 2, 3, 4]);
    assert_eq!(lines(Some(2)), [3, 4]);
    assert_eq!(lines(Some(0)), [0u32; 0]);
    assert_eq!(lines(Some(-7)), [0u32; 0]);
    assert_eq!(lines(Some(4)), [1, 2, 3, 4]);
    // `frames[4 - 5:]` is `frames[-1:]`; `frames[4 - 9:]` is all of them.
    assert_eq!(lines(Some(5)), [4]);
    assert_eq!(lines(Some(9)), [1, 2, 3, 4]);
    assert_eq!(lines(Some(i64::MAX)), [1, 2, 3, 4]);
}

#[test]
fn chains_survive_bad_links() {
    let exc = |message: &str, cause, context| ExceptionSummary {
        type_name: "ValueError".to_owned(),
        message: message.to_owned(),
        cause,
        context,
        ..ExceptionSummary::default()
    };
    // A cause pointing nowhere, a context pointing back at the root.
    let text = format_exception(
        &[exc("a", Some(7), Some(1)), exc("b", None, Some(0))],
        0,
        &Options::default(),
        &|_: &str, _| None,
    );
    let expected = "ValueError: b\n\nDuring handling of the above exception, another exception occurred:\n\nValueError: a\n";
    assert_eq!(text, expected);
    assert_eq!(
        format_exception(&[], 3, &Options::default(), &|_: &str, _| None),
        ""
    );
}

#[test]
fn type_names_as_cpython_prints_them() {
    assert_eq!(
        type_display_name(Some("builtins"), "ValueError"),
        "ValueError"
    );
    assert_eq!(
        type_display_name(Some("__main__"), "Outer.Inner"),
        "Outer.Inner"
    );
    assert_eq!(
        type_display_name(Some("json.decoder"), "JSONDecodeError"),
        "json.decoder.JSONDecodeError"
    );
    assert_eq!(type_display_name(None, "E"), "<unknown>.E");
}

/// filename, lineno, offset, text, end_lineno, end_offset, msg, and the expected report.
type SyntaxCase = (
    Option<&'static str>,
    Option<i64>,
    SyntaxColumn,
    Option<&'static str>,
    Option<i64>,
    SyntaxColumn,
    &'static str,
    &'static str,
);

/// `SyntaxError` attributes and the lines CPython 3.14 printed for them (from
/// `raise SyntaxError(msg, (filename, lineno, offset, text, end_lineno, end_offset))`).
#[test]
fn syntax_errors_match_cpython() {
    use SyntaxColumn::{At, Missing, NotAnInt};
    #[rustfmt::skip]
    let cases: &[SyntaxCase] = &[
        (None, None, Missing, None, None, Missing, "plain", "SyntaxError: plain\n"),
        (Some("f.py"), Some(1), At(5), Some("abc def\n"), Some(1), At(8), "m", "  File \"f.py\", line 1\n    abc def\n        ^^^\nSyntaxError: m\n"),
        (Some("f.py"), None, At(5), Some("abc def\n"), None, At(8), "m", "    abc def\n        ^^^\nSyntaxError: m (f.py)\n"),
        (Some("f.py"), Some(1), Missing, Some("abc def\n"), Some(1), Missing, "m", "  File \"f.py\", line 1\n    abc def\nSyntaxError: m\n"),
        (Some("f.py"), Some(1), At(5), None, Some(1), At(8), "m", "  File \"f.py\", line 1\nSyntaxError: m\n"),
        (None, Some(1), At(5), Some("abc def\n"), Some(1), At(8), "m", "  File \"<string>\", line 1\n    abc def\n        ^^^\nSyntaxError: m\n"),
        (Some(""), Some(1), At(1), Some("x\n"), Some(1), At(2), "m", "  File \"<string>\", line 1\n    x\n    ^\nSyntaxError: m\n"),
        (Some("f.py"), Some(1), At(50), Some("abc def\n"), Some(1), At(80), "m", "  File \"f.py\", line 1\n    abc def\n           ^\nSyntaxError: m\n"),
        (Some("f.py"), Some(1), At(5), Some("    abc def\n"), Some(2), At(8), "m", "  File \"f.py\", line 1\n    abc def\n    ^^^^^^^\nSyntaxError: m\n"),
        (Some("f.py"), Some(1), At(2), Some("    abc def\n"), Some(1), At(3), "m", "  File \"f.py\", line 1\n    abc def\nSyntaxError: m\n"),
        (Some("f.py"), Some(1), At(7), Some("  \tabc\tdef\n"), Some(1), At(9), "m", "  File \"f.py\", line 1\n    \tabc\tdef\n    \t   ^^\nSyntaxError: m\n"),
        (Some("f.py"), Some(1), At(1), Some("x\n"), Some(1), At(2), "", "  File \"f.py\", line 1\n    x\n    ^\nSyntaxError: <no detail available>\n"),
        (Some("f.py"), Some(1), At(0), Some("abc\n"), Some(1), At(0), "m", "  File \"f.py\", line 1\n    abc\nSyntaxError: m\n"),
        (Some("f.py"), Some(1), At(3), Some("abc\n"), Some(1), At(1), "m", "  File \"f.py\", line 1\n    abc\n      ^\nSyntaxError: m\n"),
        (Some("f.py"), Some(1), At(1), Some("abc\n"), Some(1), At(-5), "m", "  File \"f.py\", line 1\n    abc\n    ^\nSyntaxError: m\n"),
        (Some("f.py"), Some(1), At(-3), Some("abc\n"), Some(1), At(2), "m", "  File \"f.py\", line 1\n    abc\nSyntaxError: m\n"),
        (Some("f.py"), Some(1), At(2), Some(""), Some(1), At(9), "m", "  File \"f.py\", line 1\n    \n    ^^^^^^^\nSyntaxError: m\n"),
        (Some("f.py"), Some(1), At(2), Some("é漢字x\n"), Some(1), At(4), "m", "  File \"f.py\", line 1\n    é漢字x\n     ^^\nSyntaxError: m\n"),
        (Some("f.py"), Some(1), NotAnInt, Some("abc\n"), Some(1), At(3), "m", "  File \"f.py\", line 1\nSyntaxError: m\n"),
        (Some("f.py"), Some(1), At(2), Some("abc\n\n\n"), Some(1), At(3), "m", "  File \"f.py\", line 1\n    abc\n     ^\nSyntaxError: m\n"),
        (Some("f.py"), Some(1), At(2), Some("\x0c abc\n"), Some(1), At(3), "m", "  File \"f.py\", line 1\n    abc\nSyntaxError: m\n"),
        (Some("s.py"), Some(1), At(2), Some("(]"), Some(1), At(2), "closing", "  File \"s.py\", line 1\n    (]\n     ^\nSyntaxError: closing\n"),
    ];
    for &(filename, lineno, offset, text, end_lineno, end_offset, msg, expected) in cases {
        let info = SyntaxErrorInfo {
            filename: filename.map(str::to_owned),
            lineno,
            end_lineno,
            text: text.map(str::to_owned),
            offset,
            end_offset,
            msg: msg.to_owned(),
        };
        assert_eq!(
            format_syntax_error(&info, "SyntaxError"),
            expected,
            "{info:?}"
        );
    }
}

#[test]
fn syntax_errors_in_a_chain_keep_their_frames_and_notes() {
    let info = SyntaxErrorInfo {
        filename: Some("f.py".to_owned()),
        lineno: Some(1),
        end_lineno: Some(1),
        text: Some("abc\n".to_owned()),
        offset: SyntaxColumn::At(2),
        end_offset: SyntaxColumn::At(3),
        msg: "m".to_owned(),
    };
    let exc = ExceptionSummary {
        type_name: "SyntaxError".to_owned(),
        message: "m (f.py, line 1)".to_owned(),
        notes: Notes::Items(vec!["a note".to_owned()]),
        frames: vec![frame("<module>", Some(3), Some(3), Some(0), Some(7))],
        syntax_error: Some(info),
        ..ExceptionSummary::default()
    };
    let source =
        "e = SyntaxError('m', ('f.py', 1, 2, 'abc\\n', 1, 3))\ne.add_note('a note')\nraise e\n";
    let text = format_exception(&[exc], 0, &Options::default(), &|_: &str, n| {
        getline_in(source, n)
    });
    let expected =
        "Traceback (most recent call last):\n  File \"x.py\", line 3, in <module>\n    raise e\n  \
                    File \"f.py\", line 1\n    abc\n     ^\nSyntaxError: m\na note\n";
    assert_eq!(text, expected);
}
