//! `SyntaxError` and its subclasses `IndentationError` and `TabError`, as the front end reports them.
//! Mirrors the fields of CPython's `SyntaxError` (Objects/exceptions.c), with byte columns.

use crate::text::{LineIndex, TextRange};

use std::fmt;

/// Which exception class CPython raises for this error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// CPython raises `MemoryError` when source nests too deeply for its parser's stack.
    MemoryError,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::IndentationError => "IndentationError",
            ErrorKind::TabError => "TabError",
            ErrorKind::MemoryError => "MemoryError",
        }
    }
}

/// A positioned syntax error. Lines are 1-based; columns are 0-based offsets in UTF-8 bytes from
/// the start of the line (CPython's `SyntaxError.offset` is the 1-based *character* column: see
/// [`SyntaxError::char_offset`]). `lineno == 0` means the error has no line (an unknown encoding).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: ErrorKind,
    pub msg: String,
    pub lineno: u32,
    pub col: u32,
    pub end_lineno: u32,
    pub end_col: u32,
}

impl SyntaxError {
    /// `col` of an error CPython reports without a column (its `offset` is 0), such as
    /// "invalid syntax" at the end of the file.
    pub const NO_COLUMN: u32 = u32::MAX;

    /// The same error without a column.
    pub fn without_column(self) -> Self {
        SyntaxError {
            col: Self::NO_COLUMN,
            end_col: Self::NO_COLUMN,
            ..self
        }
    }

    /// An error covering `range` of the source indexed by `lines`.
    pub fn at(
        kind: ErrorKind,
        msg: impl Into<String>,
        range: TextRange,
        lines: &LineIndex,
    ) -> Self {
        let (lineno, col) = lines.line_col(range.start);
        let (end_lineno, end_col) = lines.line_col(range.end);
        SyntaxError {
            kind,
            msg: msg.into(),
            lineno,
            col,
            end_lineno,
            end_col,
        }
    }

    /// An error with only a line number (used for encoding problems).
    pub fn on_line(kind: ErrorKind, msg: impl Into<String>, lineno: u32) -> Self {
        SyntaxError {
            kind,
            msg: msg.into(),
            lineno,
            col: 0,
            end_lineno: lineno,
            end_col: 0,
        }
    }

    /// CPython's 1-based character offset of the error's start within `line_text`.
    pub fn char_offset(&self, line_text: &str) -> usize {
        if self.col == Self::NO_COLUMN {
            return 0;
        }
        let col = (self.col as usize).min(line_text.len());
        let mut cut = col;
        while !line_text.is_char_boundary(cut) {
            cut -= 1;
        }
        line_text[..cut].chars().count() + 1
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} (line {})",
            self.kind.name(),
            self.msg,
            self.lineno
        )
    }
}

impl std::error::Error for SyntaxError {}
