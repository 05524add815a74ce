//! Printing a `SyntaxError` the way CPython 3.14's traceback module does
//! (Lib/traceback.py, `TracebackException._format_syntax_error`), without colour.

use protopy_compiler::SyntaxError;

/// The report CPython prints for a syntax error in `filename`, whose decoded source is `source`
/// (`None` when the file could not be decoded).
pub fn format_syntax_error(err: &SyntaxError, filename: &str, source: Option<&str>) -> String {
    let mut out = format!("  File \"{filename}\", line {}\n", err.lineno);
    let line = source.and_then(|src| src.split('\n').nth((err.lineno as usize).checked_sub(1)?));
    if let Some(text) = line {
        let rtext = text;
        let ltext = rtext.trim_start_matches([' ', '\n', '\x0c']);
        let spaces = rtext.chars().count() - ltext.chars().count();
        let len = rtext.chars().count() + 1;
        let offset = err.char_offset(text);
        let mut end_offset = if err.lineno == err.end_lineno {
            let end_line = err.end_col.min(text.len() as u32);
            let end = SyntaxError { col: end_line, ..err.clone() }.char_offset(text);
            if end == 0 { offset } else { end }
        } else {
            len
        };
        let offset = offset.min(len);
        end_offset = end_offset.min(len);
        if offset >= end_offset {
            end_offset = offset + 1;
        }
        out.push_str(&format!("    {ltext}\n"));
        if let Some(colno) = offset.checked_sub(1 + spaces) {
            let end_colno = end_offset - 1 - spaces;
            let caretspace: String = ltext.chars().take(colno).map(|c| if c.is_whitespace() { c } else { ' ' }).collect();
            out.push_str(&format!("    {caretspace}{}\n", "^".repeat(end_colno - colno)));
        }
    }
    out.push_str(&format!("{}: {}\n", err.kind.name(), err.msg));
    out
}
