//! Printing a `SyntaxError` the way CPython 3.14's traceback module does
//! (Lib/traceback.py, `TracebackException._format_syntax_error`), without colour. The report
//! itself is [`crate::traceback::format_syntax_error`]; this adapts the front end's error to it.

use protopy_compiler::SyntaxError;

use crate::traceback::{self, SyntaxColumn, SyntaxErrorInfo};

/// The report CPython prints for a syntax error in `filename`, whose decoded source is `source`
/// (`None` when the file could not be decoded).
pub fn format_syntax_error(err: &SyntaxError, filename: &str, source: Option<&str>) -> String {
    let line = source.and_then(|src| src.split('\n').nth((err.lineno as usize).checked_sub(1)?));
    // CPython's `offset` and `end_offset` are 1-based code point columns (0: none).
    let offset = line.map_or(0, |text| err.char_offset(text));
    let end_offset = line.map_or(0, |text| err.end_char_offset(text));
    let info = SyntaxErrorInfo {
        filename: Some(filename.to_owned()),
        lineno: Some(i64::from(err.lineno)),
        end_lineno: Some(i64::from(err.end_lineno)),
        text: line.map(|text| format!("{text}\n")),
        offset: SyntaxColumn::At(offset as i64),
        end_offset: SyntaxColumn::At(end_offset),
        msg: err.msg.clone(),
    };
    traceback::format_syntax_error(&info, err.kind.name())
}

/// The `SyntaxWarning`s of compiling `module` (PEP 765's `return`/`break`/`continue` leaving a
/// `finally` block) as the default `warnings.showwarning` writes them: `file:line:
/// SyntaxWarning: message`, then the stripped source line when `show_lines` (`linecache`
/// has lines for a file, none for `-c` code or a `<string>`).
pub fn compile_warnings_text(
    module: &protopy_compiler::ast::Module,
    text: &str,
    filename: &str,
    show_lines: bool,
) -> String {
    use std::fmt::Write as _;
    let lines = protopy_compiler::text::LineIndex::new(text);
    let mut out = String::new();
    for w in protopy_compiler::finally_check::finally_warnings(module, &lines) {
        let _ = writeln!(out, "{filename}:{}: SyntaxWarning: {}", w.lineno, w.msg);
        let source_line = show_lines
            .then(|| text.split('\n').nth((w.lineno as usize).wrapping_sub(1)))
            .flatten();
        if let Some(line) = source_line.map(str::trim).filter(|l| !l.is_empty()) {
            let _ = writeln!(out, "  {line}");
        }
    }
    out
}
