//! The text of a snapshot: a case's stdout, stderr and exit status, normalized, in one document
//! that insta stores and compares.
//!
//! ```text
//! --- stdout ---
//! hello
//! --- stderr ---
//! --- exit status 0 ---
//! ```
//!
//! The exit status comes last so that insta's trimming of trailing whitespace never touches the
//! output. A stream that does not end in a newline is followed by `\ no newline at end` (as in a
//! diff). A stream holding bytes that are not UTF-8, or control characters other than tab and
//! newline, is shown escaped (`--- stdout (escaped) ---`, `\r`, `\xNN`, `\\`), so that nothing
//! invisible decides a comparison.

use crate::normalize::Normalizer;
use crate::process::{Captured, Exit};
use std::fmt::Write as _;

/// Renders a captured run as snapshot text.
pub fn render(run: &Captured, normalizer: &Normalizer) -> String {
    let mut out = String::new();
    section(&mut out, "stdout", &run.stdout, run.dropped.0, normalizer);
    section(&mut out, "stderr", &run.stderr, run.dropped.1, normalizer);
    match run.exit {
        Exit::Code(code) => {
            let _ = writeln!(out, "--- exit status {code} ---");
        }
        Exit::Signal(_) => {
            let _ = writeln!(out, "--- {} ---", run.exit.describe());
        }
        Exit::Timeout => {
            let _ = writeln!(out, "--- timed out ---");
        }
    }
    out
}

fn section(out: &mut String, name: &str, bytes: &[u8], dropped: usize, normalizer: &Normalizer) {
    let (escaped, text) = match std::str::from_utf8(bytes) {
        Ok(text) if !needs_escaping(text) => (false, normalizer.apply(text)),
        Ok(text) => (true, escape(&normalizer.apply(text))),
        Err(_) => {
            // Normalize the valid parts; escape the rest byte by byte.
            let lossless = escape_bytes(bytes);
            (true, normalizer.apply(&lossless))
        }
    };
    if escaped {
        let _ = writeln!(out, "--- {name} (escaped) ---");
    } else {
        let _ = writeln!(out, "--- {name} ---");
    }
    out.push_str(&text);
    if !text.is_empty() && !text.ends_with('\n') {
        out.push_str("\n\\ no newline at end\n");
    }
    if dropped > 0 {
        let _ = writeln!(out, "\\ {dropped} more bytes not kept");
    }
}

fn needs_escaping(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
}

/// Escapes backslashes and control characters other than tab and newline.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_escaped(&mut out, c);
    }
    out
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '\\' => out.push_str("\\\\"),
        '\r' => out.push_str("\\r"),
        '\n' | '\t' => out.push(c),
        c if c.is_control() => {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
        c => out.push(c),
    }
}

/// [`escape`] for bytes that are not all UTF-8: invalid bytes become `\xNN`.
fn escape_bytes(mut bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    while !bytes.is_empty() {
        match std::str::from_utf8(bytes) {
            Ok(text) => {
                out.push_str(&escape(text));
                break;
            }
            Err(e) => {
                let (good, rest) = bytes.split_at(e.valid_up_to());
                out.push_str(&escape(&String::from_utf8_lossy(good)));
                let bad = e.error_len().unwrap_or(rest.len()).max(1);
                for b in &rest[..bad] {
                    let _ = write!(out, "\\x{b:02x}");
                }
                bytes = &rest[bad..];
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn captured(stdout: &[u8], stderr: &[u8], exit: Exit) -> Captured {
        Captured {
            stdout: stdout.to_vec(),
            stderr: stderr.to_vec(),
            dropped: (0, 0),
            exit,
            duration: Duration::ZERO,
        }
    }

    #[test]
    fn plain_output_is_shown_as_it_is() {
        let r = render(&captured(b"hi\n", b"", Exit::Code(0)), &Normalizer::new());
        assert_eq!(
            r,
            "--- stdout ---\nhi\n--- stderr ---\n--- exit status 0 ---\n"
        );
    }

    #[test]
    fn a_missing_final_newline_is_visible() {
        let with = render(&captured(b"hi\n", b"", Exit::Code(0)), &Normalizer::new());
        let without = render(&captured(b"hi", b"", Exit::Code(0)), &Normalizer::new());
        assert_ne!(with, without);
        assert!(
            without.contains("hi\n\\ no newline at end\n--- stderr ---"),
            "{without}"
        );
    }

    #[test]
    fn carriage_returns_and_bad_bytes_are_escaped() {
        let r = render(
            &captured(b"a\r\nb\\\n", b"\xff\xfeok\x1b[0m\n", Exit::Signal(11)),
            &Normalizer::new(),
        );
        assert_eq!(
            r,
            "--- stdout (escaped) ---\na\\r\nb\\\\\n--- stderr (escaped) ---\n\\xff\\xfeok\\u{1b}[0m\n\
             --- killed by signal 11 (SIGSEGV) ---\n"
        );
    }

    #[test]
    fn timeouts_and_dropped_bytes_are_reported() {
        let mut c = captured(b"x\n", b"", Exit::Timeout);
        c.dropped = (5, 0);
        let r = render(&c, &Normalizer::new());
        assert!(
            r.ends_with("x\n\\ 5 more bytes not kept\n--- stderr ---\n--- timed out ---\n"),
            "{r}"
        );
    }
}
