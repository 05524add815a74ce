//! Python's string-formatting engines as pure functions over Rust values, mirroring
//! Python/formatter_unicode.c (the format-spec mini-language), Python/pystrtod.c
//! (`PyOS_double_to_string`), Objects/unicodeobject.c's `PyUnicode_Format` and
//! Objects/bytesobject.c's `_PyBytes_FormatEx` (`%`), and Objects/stringlib/unicode_format.h
//! (`str.format`).
//!
//! Nothing here touches the object store: numbers come in as `i64`, [`BigInt`] or `f64`, text as
//! [`PyStr`], and every failure is a [`FormatError`] naming the exception CPython raises and its
//! exact message, which the interpreter turns into that exception. Where CPython interleaves
//! parsing with calls into Python (fetching `%` arguments, `str.format`'s lookups), a driver
//! takes a trait the interpreter implements, so that errors come in CPython's order.
//!
//! - [`spec`]: [`FormatSpec`] parsing; [`format_int`], [`format_float`], [`format_str`],
//!   [`format_complex`] are the `__format__` of `int`, `float`, `str`, `complex`;
//! - [`percent`]: printf-style `str % args` ([`percent::format`]) and `bytes % args`
//!   ([`percent::format_bytes`]), and their pieces;
//! - [`fields`]: `str.format`'s replacement fields ([`fields::format`]) and their pieces.
//!
//! See <https://docs.python.org/3.14/library/string.html#formatspec>.

mod dtoa;
pub mod fields;
mod layout;
mod number;
pub mod percent;
mod percent_conv;
pub mod spec;

#[cfg(test)]
mod compare_tests;
#[cfg(test)]
mod driver_tests;
#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;

use std::fmt;

use num_bigint::BigInt;
use protopy_compiler::pystr::PyStr;

pub use number::{format_complex, format_float, format_int, format_str, int_ref, int_to_f64};
pub use spec::{Align, FormatSpec, Grouping, Sign};

/// The exception class a [`FormatError`] stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    ValueError,
    TypeError,
    OverflowError,
    IndexError,
    MemoryError,
}

impl ErrorKind {
    /// The exception's name, as `type(e).__name__` gives it.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::ValueError => "ValueError",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::OverflowError => "OverflowError",
            ErrorKind::IndexError => "IndexError",
            ErrorKind::MemoryError => "MemoryError",
        }
    }
}

/// A formatting failure: the exception CPython raises and its message (`str(e)`, which may
/// quote a format spec holding any code point).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError {
    pub kind: ErrorKind,
    pub msg: PyStr,
}

impl FormatError {
    pub fn new(kind: ErrorKind, msg: impl Into<PyStr>) -> Self {
        FormatError {
            kind,
            msg: msg.into(),
        }
    }

    pub(crate) fn value(msg: impl Into<PyStr>) -> Self {
        FormatError::new(ErrorKind::ValueError, msg)
    }

    pub(crate) fn type_error(msg: impl Into<PyStr>) -> Self {
        FormatError::new(ErrorKind::TypeError, msg)
    }

    pub(crate) fn overflow(msg: impl Into<PyStr>) -> Self {
        FormatError::new(ErrorKind::OverflowError, msg)
    }

    /// `MemoryError()`: a result too long to allocate.
    pub(crate) fn memory() -> Self {
        FormatError::new(ErrorKind::MemoryError, "")
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.msg)
    }
}

impl std::error::Error for FormatError {}

pub type FormatResult<T> = Result<T, FormatError>;

/// A Python `int` by reference: small values unboxed, others as a [`BigInt`].
#[derive(Clone, Copy, Debug)]
pub enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl From<i64> for IntRef<'_> {
    fn from(v: i64) -> Self {
        IntRef::Small(v)
    }
}

impl<'a> From<&'a BigInt> for IntRef<'a> {
    fn from(v: &'a BigInt) -> Self {
        IntRef::Big(v)
    }
}

/// An owned Python `int`, as the drivers' callbacks hand one over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Int {
    Small(i64),
    Big(BigInt),
}

impl Int {
    pub fn as_ref(&self) -> IntRef<'_> {
        match self {
            Int::Small(v) => IntRef::Small(*v),
            Int::Big(v) => IntRef::Big(v),
        }
    }
}

impl From<i64> for Int {
    fn from(v: i64) -> Self {
        Int::Small(v)
    }
}

impl From<BigInt> for Int {
    fn from(v: BigInt) -> Self {
        Int::Big(v)
    }
}

/// CPython's default `sys.get_int_max_str_digits()`: decimal conversions of longer ints fail.
pub const INT_MAX_STR_DIGITS: usize = 4300;

/// How CPython's messages show a character that may be unprintable: itself for `!`..`\x7f`,
/// else `\x` and its hex code point (`'\x20ac'`), as `unknown_presentation_type` does.
pub(crate) fn code_in_message(c: u32) -> String {
    match char::from_u32(c) {
        Some(ch) if c > 32 && c < 128 => ch.to_string(),
        _ => format!("\\x{c:x}"),
    }
}

/// The code points of a [`PyStr`], for index-based parsing (CPython's messages count code
/// points, not bytes).
pub(crate) fn code_points(s: &PyStr) -> Vec<u32> {
    s.code_points().collect()
}

/// A [`PyStr`] holding the code points `cps`.
pub(crate) fn pystr_from(cps: &[u32]) -> PyStr {
    cps.iter().copied().collect()
}

/// The value of a Unicode decimal digit (category `Nd`, what `Py_UNICODE_TODECIMAL` accepts),
/// or `None`. Every run of `Nd` code points starts at a zero and counts up in tens.
pub(crate) fn decimal_value(c: u32) -> Option<u32> {
    if (0x30..=0x39).contains(&c) {
        return Some(c - 0x30);
    }
    if c < 0x80 || !is_nd(c) {
        return None;
    }
    let mut start = c;
    while start > 0 && is_nd(start - 1) {
        start -= 1;
    }
    Some((c - start) % 10)
}

fn is_nd(c: u32) -> bool {
    use unicode_general_category::{get_general_category, GeneralCategory};
    char::from_u32(c).is_some_and(|ch| get_general_category(ch) == GeneralCategory::DecimalNumber)
}
