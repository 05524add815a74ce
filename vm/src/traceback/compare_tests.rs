//! Comparison with CPython 3.14 over a corpus (an ignored test): a directory of `NAME.json` files,
//! each what a `sys.excepthook` dumper wrote for an uncaught exception under the reference
//! interpreter (the exceptions, their frames with `co_positions()`, the source lines `linecache`
//! gave, `sys.tracebacklimit`, what the warnings filters do with `SyntaxWarning`), beside `NAME.stderr`, what the reference printed. Every formatted
//! report must equal its stderr byte for byte.
//!
//!
//! A `NAME.frames` file holds frames alone: a source file's lines and, for each distinct
//! instruction position of its code, the text `StackSummary.format_frame_summary` gave; each
//! must equal what [`format_frame`] gives.
//!
//! Run with `PROTOPY_TRACEBACK_CORPUS=/tmp/tbcorpus cargo test -p protopy-vm traceback -- --ignored`
//! (several directories may be given, separated by `:`).

use std::collections::HashMap;

use super::*;

/// A JSON value (the subset the dumper writes).
#[derive(Debug, Clone, PartialEq)]
enum Json {
    Null,
    Bool(bool),
    Num(i64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    fn get(&self, key: &str) -> &Json {
        match self {
            Json::Obj(fields) => fields
                .iter()
                .find(|(k, _)| k == key)
                .map_or(&Json::Null, |(_, v)| v),
            _ => &Json::Null,
        }
    }
    fn str(&self) -> Option<String> {
        match self {
            Json::Str(s) => Some(s.clone()),
            _ => None,
        }
    }
    fn int(&self) -> Option<i64> {
        match self {
            Json::Num(n) => Some(*n),
            Json::Bool(b) => Some(i64::from(*b)),
            _ => None,
        }
    }
    fn u32(&self) -> Option<u32> {
        self.int().and_then(|n| u32::try_from(n).ok())
    }
    fn arr(&self) -> &[Json] {
        match self {
            Json::Arr(items) => items,
            _ => &[],
        }
    }
}

struct JsonParser<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
}

impl JsonParser<'_> {
    fn ws(&mut self) {
        while self.chars.peek().is_some_and(|c| c.is_ascii_whitespace()) {
            self.chars.next();
        }
    }

    fn expect(&mut self, word: &str) -> Result<(), String> {
        for want in word.chars() {
            if self.chars.next() != Some(want) {
                return Err(format!("expected {word}"));
            }
        }
        Ok(())
    }

    fn value(&mut self) -> Result<Json, String> {
        self.ws();
        match self.chars.peek().copied() {
            Some('n') => self.expect("null").map(|_| Json::Null),
            Some('t') => self.expect("true").map(|_| Json::Bool(true)),
            Some('f') => self.expect("false").map(|_| Json::Bool(false)),
            Some('"') => self.string().map(Json::Str),
            Some('[') => {
                self.chars.next();
                let mut items = Vec::new();
                loop {
                    self.ws();
                    if self.chars.peek() == Some(&']') {
                        self.chars.next();
                        return Ok(Json::Arr(items));
                    }
                    items.push(self.value()?);
                    self.ws();
                    if self.chars.peek() == Some(&',') {
                        self.chars.next();
                    }
                }
            }
            Some('{') => {
                self.chars.next();
                let mut fields = Vec::new();
                loop {
                    self.ws();
                    match self.chars.peek() {
                        Some('}') => {
                            self.chars.next();
                            return Ok(Json::Obj(fields));
                        }
                        Some(',') => {
                            self.chars.next();
                        }
                        _ => {
                            let key = self.string()?;
                            self.ws();
                            self.expect(":")?;
                            fields.push((key, self.value()?));
                        }
                    }
                }
            }
            Some(c) if c == '-' || c.is_ascii_digit() => {
                let mut text = String::new();
                while let Some(&c) = self
                    .chars
                    .peek()
                    .filter(|c| **c == '-' || c.is_ascii_digit())
                {
                    text.push(c);
                    self.chars.next();
                }
                text.parse()
                    .map(Json::Num)
                    .map_err(|e| format!("{e}: {text}"))
            }
            other => Err(format!("unexpected {other:?}")),
        }
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let text: String = (0..4).filter_map(|_| self.chars.next()).collect();
        u32::from_str_radix(&text, 16).map_err(|e| e.to_string())
    }

    fn string(&mut self) -> Result<String, String> {
        self.expect("\"")?;
        let mut out = String::new();
        loop {
            match self.chars.next().ok_or("unterminated string")? {
                '"' => return Ok(out),
                '\\' => match self.chars.next().ok_or("bad escape")? {
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    'b' => out.push('\x08'),
                    'f' => out.push('\x0c'),
                    'u' => {
                        let mut cp = self.hex4()?;
                        if (0xD800..0xDC00).contains(&cp) {
                            self.expect("\\u")?;
                            let low = self.hex4()?;
                            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                        }
                        out.push(char::from_u32(cp).ok_or("lone surrogate")?);
                    }
                    c => out.push(c),
                },
                c => out.push(c),
            }
        }
    }
}

fn parse_json(text: &str) -> Result<Json, String> {
    JsonParser {
        chars: text.chars().peekable(),
    }
    .value()
}

fn column(value: &Json) -> SyntaxColumn {
    match (value.get("at").int(), value.get("missing")) {
        (Some(n), _) => SyntaxColumn::At(n),
        (None, Json::Bool(true)) => SyntaxColumn::Missing,
        _ => SyntaxColumn::NotAnInt,
    }
}

type Lines = HashMap<(String, u32), String>;

fn summary(exc: &Json, lines: &mut Lines) -> ExceptionSummary {
    let notes = match exc.get("notes") {
        Json::Null => Notes::Absent,
        notes => match notes.get("other").str() {
            Some(repr) => Notes::Other(repr),
            None => Notes::Items(
                notes
                    .get("items")
                    .arr()
                    .iter()
                    .filter_map(Json::str)
                    .collect(),
            ),
        },
    };
    let mut frames = Vec::new();
    for frame in exc.get("frames").arr() {
        let filename = frame.get("filename").str().unwrap_or_default();
        if let Json::Obj(fields) = frame.get("lines") {
            for (n, text) in fields {
                if let (Ok(n), Some(text)) = (n.parse(), text.str()) {
                    lines.insert((filename.clone(), n), text);
                }
            }
        }
        frames.push(Frame {
            filename,
            name: frame.get("name").str().unwrap_or_default(),
            lineno: frame.get("lineno").u32(),
            end_lineno: frame.get("end_lineno").u32(),
            col_offset: frame.get("col").u32(),
            end_col_offset: frame.get("end_col").u32(),
        });
    }
    let syntax = exc.get("syntax");
    let syntax_error = (syntax != &Json::Null).then(|| SyntaxErrorInfo {
        filename: syntax.get("filename").str(),
        lineno: syntax.get("lineno").int(),
        end_lineno: syntax.get("end_lineno").int(),
        text: syntax.get("text").str(),
        offset: column(syntax.get("offset")),
        end_offset: column(syntax.get("end_offset")),
        msg: syntax.get("msg").str().unwrap_or_default(),
    });
    ExceptionSummary {
        type_name: exc.get("type").str().unwrap_or_default(),
        message: exc.get("str").str().unwrap_or_default(),
        notes,
        frames,
        syntax_error,
        cause: exc.get("cause").int().and_then(|n| usize::try_from(n).ok()),
        context: exc
            .get("context")
            .int()
            .and_then(|n| usize::try_from(n).ok()),
        suppress_context: exc.get("suppress") == &Json::Bool(true),
    }
}

/// Formats the report a dump describes.
fn format_dump(dump: &Json) -> String {
    let mut lines = Lines::new();
    let exceptions: Vec<_> = dump
        .get("exceptions")
        .arr()
        .iter()
        .map(|e| summary(e, &mut lines))
        .collect();
    let getline = |filename: &str, lineno: u32| lines.get(&(filename.to_owned(), lineno)).cloned();
    let root = dump
        .get("root")
        .int()
        .and_then(|n| usize::try_from(n).ok())
        .unwrap_or(0);
    let syntax_warnings = match dump.get("policy").str().as_deref() {
        Some("error") => SyntaxWarnings::Error,
        Some("ignore") => SyntaxWarnings::Ignore,
        _ => SyntaxWarnings::Show,
    };
    let options = Options {
        tracebacklimit: dump.get("limit").int(),
        syntax_warnings,
    };
    format_exception(&exceptions, root, &options, &getline)
}

/// Checks a `.warnings` dump: for each snippet, whether `ast.parse` accepts it and the
/// `SyntaxWarning`s it emits. Returns how many were checked.
fn check_warnings(dump: &Json, failures: &mut Vec<String>) -> usize {
    let cases = dump.arr();
    for case in cases {
        let src = case.get("src").str().unwrap_or_default();
        let expected: Vec<_> = case
            .get("warnings")
            .arr()
            .iter()
            .map(|w| {
                (
                    w.get("lineno").u32().unwrap_or(0),
                    w.get("message").str().unwrap_or_default(),
                )
            })
            .collect();
        let expected_ok = case.get("ok") == &Json::Bool(true);
        let mut shown = Vec::new();
        let ok = super::warnings::parse(&src, SyntaxWarnings::Show, &mut shown).is_some();
        let got: Vec<_> = shown.into_iter().map(|w| (w.lineno, w.message)).collect();
        if got != expected || ok != expected_ok {
            let error = protopy_compiler::parse_module(&src).err().map(|e| e.msg);
            failures.push(format!(
                "{src:?}: expected {expected_ok} {expected:?}\n  got {ok} {got:?} {error:?}"
            ));
        }
    }
    cases.len()
}

/// Checks every frame of a `.frames` dump; returns how many were checked and the differences.
fn check_frames(dump: &Json, failures: &mut Vec<String>) -> usize {
    let mut lines = HashMap::new();
    if let Json::Obj(fields) = dump.get("lines") {
        for (n, text) in fields {
            if let (Ok(n), Some(text)) = (n.parse::<u32>(), text.str()) {
                lines.insert(n, text);
            }
        }
    }
    let getline = |_: &str, lineno: u32| lines.get(&lineno).cloned();
    let frames = dump.get("frames").arr();
    for json in frames {
        let frame = Frame {
            filename: json.get("filename").str().unwrap_or_default(),
            name: json.get("name").str().unwrap_or_default(),
            lineno: json.get("lineno").u32(),
            end_lineno: json.get("end_lineno").u32(),
            col_offset: json.get("col").u32(),
            end_col_offset: json.get("end_col").u32(),
        };
        let mut expected = String::new();
        for warning in json.get("warnings").arr() {
            let message = warning.get("message").str().unwrap_or_default();
            expected.push_str(&format!(
                "<unknown>:{}: SyntaxWarning: {message}\n",
                warning.get("lineno").int().unwrap_or(0)
            ));
        }
        expected.push_str(&json.get("expected").str().unwrap_or_default());
        let mut warnings = Vec::new();
        let text = format_frame(&frame, &getline, SyntaxWarnings::Show, &mut warnings);
        let got = warnings.iter().map(ToString::to_string).collect::<String>() + &text;
        if got != expected {
            failures.push(format!(
                "{frame:?}:\n--- expected\n{expected}--- got\n{got}"
            ));
        }
    }
    frames.len()
}

#[test]
#[ignore = "needs a corpus made with the reference interpreter (PROTOPY_TRACEBACK_CORPUS)"]
fn corpus_matches_cpython() {
    let Ok(dirs) = std::env::var("PROTOPY_TRACEBACK_CORPUS") else {
        return;
    };
    let mut paths: Vec<_> = dirs
        .split(':')
        .flat_map(|dir| std::fs::read_dir(dir).into_iter().flatten().flatten())
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "json" || e == "frames" || e == "warnings")
        })
        .collect();
    paths.sort();
    let (mut reports, mut frames, mut snippets) = (0, 0, 0);
    let mut failures = Vec::new();
    for path in &paths {
        let json = std::fs::read_to_string(path).unwrap_or_default();
        let dump = match parse_json(&json) {
            Ok(dump) => dump,
            Err(err) => {
                failures.push(format!("{}: bad dump: {err}", path.display()));
                continue;
            }
        };
        if path.extension().is_some_and(|e| e == "frames") {
            frames += check_frames(&dump, &mut failures);
            continue;
        }
        if path.extension().is_some_and(|e| e == "warnings") {
            snippets += check_warnings(&dump, &mut failures);
            continue;
        }
        reports += 1;
        let expected = std::fs::read_to_string(path.with_extension("stderr")).unwrap_or_default();
        let got = format_dump(&dump);
        if got != expected {
            failures.push(format!(
                "{}:\n--- expected\n{expected}--- got\n{got}",
                path.display()
            ));
        }
    }
    eprintln!(
        "{reports} reports, {frames} frames and {snippets} parsed snippets compared; {} differ",
        failures.len()
    );
    let limit = std::env::var("PROTOPY_TRACEBACK_SHOW")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(30);
    let shown: Vec<_> = failures.iter().take(limit).cloned().collect();
    assert!(failures.is_empty(), "{}", shown.join("\n"));
}
