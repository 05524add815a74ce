//! The exceptions that `str` methods and codecs raise, with CPython's messages. `UnicodeEncodeError`
//! and `UnicodeDecodeError` keep their attributes, and their `message` is what their `__str__`
//! gives (Objects/exceptions.c, `UnicodeEncodeError_str` and `UnicodeDecodeError_str`).

use protopy_compiler::pystr::PyStr;

/// The exception types these functions raise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExcKind {
    ValueError,
    TypeError,
    IndexError,
    OverflowError,
    MemoryError,
    LookupError,
    UnicodeEncodeError,
    UnicodeDecodeError,
}

impl ExcKind {
    /// The exception class's name.
    pub fn name(self) -> &'static str {
        match self {
            ExcKind::ValueError => "ValueError",
            ExcKind::TypeError => "TypeError",
            ExcKind::IndexError => "IndexError",
            ExcKind::OverflowError => "OverflowError",
            ExcKind::MemoryError => "MemoryError",
            ExcKind::LookupError => "LookupError",
            ExcKind::UnicodeEncodeError => "UnicodeEncodeError",
            ExcKind::UnicodeDecodeError => "UnicodeDecodeError",
        }
    }
}

/// An error of a `str` operation: the exception to raise and what it carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextError {
    /// A plain exception with a message.
    Plain(ExcKind, String),
    Encode(Box<UnicodeEncodeError>),
    Decode(Box<UnicodeDecodeError>),
}

impl TextError {
    pub(crate) fn value(msg: impl Into<String>) -> Self {
        TextError::Plain(ExcKind::ValueError, msg.into())
    }

    pub(crate) fn kind_msg(kind: ExcKind, msg: impl Into<String>) -> Self {
        TextError::Plain(kind, msg.into())
    }

    /// The exception type.
    pub fn kind(&self) -> ExcKind {
        match self {
            TextError::Plain(kind, _) => *kind,
            TextError::Encode(_) => ExcKind::UnicodeEncodeError,
            TextError::Decode(_) => ExcKind::UnicodeDecodeError,
        }
    }

    /// `str(exception)`.
    pub fn message(&self) -> String {
        match self {
            TextError::Plain(_, msg) => msg.clone(),
            TextError::Encode(e) => e.message(),
            TextError::Decode(e) => e.message(),
        }
    }
}

/// `UnicodeEncodeError(encoding, object, start, end, reason)`; positions in code points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnicodeEncodeError {
    pub encoding: &'static str,
    pub object: PyStr,
    pub start: usize,
    pub end: usize,
    pub reason: &'static str,
}

impl UnicodeEncodeError {
    /// What `str()` of the exception gives.
    pub fn message(&self) -> String {
        let (enc, reason) = (self.encoding, self.reason);
        if self.end == self.start + 1 {
            if let Some(cp) = self.object.code_points().nth(self.start) {
                let shown = escape_code_point(cp);
                return format!(
                    "'{enc}' codec can't encode character '{shown}' in position {}: {reason}",
                    self.start
                );
            }
        }
        format!(
            "'{enc}' codec can't encode characters in position {}-{}: {reason}",
            self.start,
            self.end.wrapping_sub(1)
        )
    }
}

/// `UnicodeDecodeError(encoding, object, start, end, reason)`; positions in bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnicodeDecodeError {
    pub encoding: &'static str,
    pub object: Vec<u8>,
    pub start: usize,
    pub end: usize,
    pub reason: &'static str,
}

impl UnicodeDecodeError {
    /// What `str()` of the exception gives.
    pub fn message(&self) -> String {
        let (enc, reason) = (self.encoding, self.reason);
        if self.end == self.start + 1 {
            if let Some(b) = self.object.get(self.start) {
                return format!(
                    "'{enc}' codec can't decode byte 0x{b:02x} in position {}: {reason}",
                    self.start
                );
            }
        }
        format!(
            "'{enc}' codec can't decode bytes in position {}-{}: {reason}",
            self.start,
            self.end.wrapping_sub(1)
        )
    }
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN`, as the messages of the Unicode errors show a character.
pub(crate) fn escape_code_point(cp: u32) -> String {
    if cp < 0x100 {
        format!("\\x{cp:02x}")
    } else if cp < 0x10000 {
        format!("\\u{cp:04x}")
    } else {
        format!("\\U{cp:08x}")
    }
}
