//! The report of a `SyntaxError` (and its subclasses): the file and line, the offending line with
//! carets under the error's columns, then `Type: message`. Mirrors
//! `TracebackException._format_syntax_error` of Lib/traceback.py, without colour and without the
//! keyword-typo suggestions of `_find_keyword_typos`.

use super::pytext::{char_len, is_space, take_chars};

/// A column of a `SyntaxError` (`offset`, `end_offset`): 1-based, in code points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxColumn {
    /// The attribute is `None`.
    Missing,
    At(i64),
    /// The attribute holds something other than an `int` or `None`.
    NotAnInt,
}

/// What the report reads from a `SyntaxError` instance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxErrorInfo {
    /// `str(filename)`, or `None` when the attribute is `None`.
    pub filename: Option<String>,
    pub lineno: Option<i64>,
    pub end_lineno: Option<i64>,
    /// The source line (`None` unless the attribute is a `str`).
    pub text: Option<String>,
    pub offset: SyntaxColumn,
    pub end_offset: SyntaxColumn,
    /// `str(msg)`, or empty when `msg` is false (reported as `<no detail available>`).
    pub msg: String,
}

/// A bound on the carets drawn, far beyond any real line, so that an absurd `end_offset` (on an
/// empty `text`, which the library does not clamp) cannot exhaust memory.
const MAX_CARETS: i64 = 1 << 20;

/// The lines `_format_syntax_error` yields for an exception whose type prints as `type_name`.
pub fn format_syntax_error(info: &SyntaxErrorInfo, type_name: &str) -> String {
    let mut out = String::new();
    let mut filename_suffix = String::new();
    if let Some(lineno) = info.lineno {
        let filename = info
            .filename
            .as_deref()
            .filter(|f| !f.is_empty())
            .unwrap_or("<string>");
        out.push_str(&format!("  File \"{filename}\", line {lineno}\n"));
    } else if let Some(filename) = &info.filename {
        filename_suffix = format!(" ({filename})");
    }
    if let Some(text) = &info.text {
        push_text_and_carets(&mut out, info, text);
    }
    let msg = if info.msg.is_empty() {
        "<no detail available>"
    } else {
        &info.msg
    };
    out.push_str(&format!("{type_name}: {msg}{filename_suffix}\n"));
    out
}

/// The error's line, stripped on the left, and the carets under `offset..end_offset`.
fn push_text_and_carets(out: &mut String, info: &SyntaxErrorInfo, text: &str) {
    let rtext = text.trim_end_matches('\n');
    let ltext = rtext.trim_start_matches([' ', '\n', '\x0c']);
    let rlen = char_len(rtext) as i64;
    let spaces = rlen - char_len(ltext) as i64;
    let offset = match info.offset {
        SyntaxColumn::Missing => {
            out.push_str(&format!("    {ltext}\n"));
            return;
        }
        SyntaxColumn::NotAnInt => return,
        SyntaxColumn::At(offset) => offset,
    };
    let mut end_offset = if info.lineno == info.end_lineno {
        match info.end_offset {
            SyntaxColumn::At(end) if end != 0 => end,
            _ => offset,
        }
    } else {
        rlen + 1
    };
    let text_len = char_len(text) as i64;
    let mut offset = offset;
    if !text.is_empty() && offset > text_len {
        offset = rlen + 1;
    }
    if !text.is_empty() && end_offset > text_len {
        end_offset = rlen + 1;
    }
    if offset >= end_offset || end_offset < 0 {
        end_offset = offset.saturating_add(1);
    }
    // 0-based columns into the stripped text.
    let colno = offset.saturating_sub(1).saturating_sub(spaces);
    let end_colno = end_offset.saturating_sub(1).saturating_sub(spaces);
    out.push_str(&format!("    {ltext}\n"));
    if let Ok(colno) = usize::try_from(colno) {
        // Whitespace other than spaces (tabs) is kept so that the carets line up.
        let caretspace: String = take_chars(ltext, colno)
            .chars()
            .map(|c| if is_space(c) { c } else { ' ' })
            .collect();
        let count = end_colno.saturating_sub(colno as i64).clamp(0, MAX_CARETS) as usize;
        out.push_str(&format!("    {caretspace}{}\n", "^".repeat(count)));
    }
}
