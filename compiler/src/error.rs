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

/// Which part of the front end found an error. CPython's `text` depends on it: the tokenizer
/// reports its line without the newline (`_syntaxerror_range`), and so does the parser for a
/// line before the one the tokenizer stopped on (read back from the tokenizer's buffer); the
/// parser's errors on the current line, and the compiler's, keep the newline.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Origin {
    #[default]
    Parser,
    Tokenizer,
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
    pub origin: Origin,
}

impl SyntaxError {
    /// `col` of an error CPython reports without a column (its `offset` is 0), such as
    /// "invalid syntax" at the end of the file.
    pub const NO_COLUMN: u32 = u32::MAX;

    /// `end_col` of an error whose end CPython does not know (a token without an end column,
    /// as INDENT and DEDENT are): its `end_offset` is -1. (`NO_COLUMN` as `end_col` gives 0, what
    /// CPython's errors raised with an end column of -1 have.)
    pub const END_UNKNOWN: u32 = u32::MAX - 1;

    /// The same error, found by the tokenizer.
    pub fn from_tokenizer(self) -> Self {
        SyntaxError {
            origin: Origin::Tokenizer,
            ..self
        }
    }

    /// The same error with `end_col` (one of the markers above) on its own line.
    pub fn with_end(self, end_col: u32) -> Self {
        SyntaxError {
            end_lineno: self.lineno,
            end_col,
            ..self
        }
    }

    /// CPython's `end_offset`: 1-based characters of `line_text` (the error's first line, where
    /// CPython measures it too, clipped to its end), 0 or -1 for the markers.
    pub fn end_char_offset(&self, line_text: &str) -> i64 {
        match self.end_col {
            Self::NO_COLUMN => 0,
            Self::END_UNKNOWN => -1,
            end => {
                let len = line_text.len() as u32;
                let past = end > len;
                let at_end = SyntaxError {
                    col: end.min(len),
                    ..self.clone()
                }
                .char_offset(line_text) as i64;
                // Past the line, CPython counts one more character for the newline of a
                // `text` that has it.
                at_end + i64::from(past && self.origin == Origin::Parser)
            }
        }
    }

    /// CPython's `text` for the error's line (`line`, without its newline).
    pub fn text(&self, line: &str) -> String {
        match self.origin {
            Origin::Tokenizer => line.to_string(),
            Origin::Parser => format!("{line}\n"),
        }
    }

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
            origin: Origin::Parser,
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
            origin: Origin::Parser,
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
