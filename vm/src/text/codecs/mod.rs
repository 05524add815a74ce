//! `str.encode` and `bytes.decode` for the codecs implemented natively: UTF-8, ASCII, Latin-1,
//! UTF-16 and UTF-32 (with and without byte order), with the standard error handlers. Mirrors
//! Objects/unicodeobject.c (`PyUnicode_AsEncodedString`, `unicode_encode_ucs1`,
//! `PyUnicode_DecodeUTF8Stateful`, ...), Python/codecs.c (the error handlers) and the names of
//! Lib/encodings/aliases.py.

mod decode;
mod encode;
#[cfg(test)]
#[rustfmt::skip]
mod test_cases;
#[cfg(test)]
mod tests;

pub use decode::decode;
pub use encode::encode;

use super::error::{ExcKind, TextError};

/// Byte order of the UTF-16 and UTF-32 codecs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Endian {
    Little,
    Big,
}

/// A codec this module implements.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
    /// `None`: `utf-16`, which writes a BOM (little-endian, as CPython on the usual hosts) and
    /// reads one if present.
    Utf16(Option<Endian>),
    Utf32(Option<Endian>),
}

impl Codec {
    /// The codec's name in `UnicodeEncodeError.encoding` (decoders of `utf-16`/`utf-32` report
    /// the byte order they settled on instead).
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16(None) => "utf-16",
            Codec::Utf16(Some(Endian::Little)) => "utf-16-le",
            Codec::Utf16(Some(Endian::Big)) => "utf-16-be",
            Codec::Utf32(None) => "utf-32",
            Codec::Utf32(Some(Endian::Little)) => "utf-32-le",
            Codec::Utf32(Some(Endian::Big)) => "utf-32-be",
        }
    }
}

/// The normalization of `codecs.lookup` (C's `_Py_normalize_encoding`, then
/// `encodings.normalize_encoding`): ASCII letters (lowercased), digits and `.` stay; every run of
/// other characters, non-ASCII letters included, becomes one `_` between words.
fn normalize_encoding(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars() {
        if c == '.' || c.is_ascii_alphanumeric() {
            if punct && !out.is_empty() {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
            punct = false;
        } else {
            punct = true;
        }
    }
    out
}

/// The codec for an encoding name, accepting Python's aliases (`utf8`, `UTF-8`, `latin1`,
/// `iso-8859-1`, `us-ascii`, `utf-16le`, ...); `None` for the ones not implemented here.
pub fn lookup(name: &str) -> Option<Codec> {
    use Endian::{Big, Little};
    let norm = normalize_encoding(name);
    // The module names of Lib/encodings, then the aliases (looked up with `.` as `_` too).
    let module = match norm.as_str() {
        "utf_8" => Some(Codec::Utf8),
        "ascii" => Some(Codec::Ascii),
        "latin_1" => Some(Codec::Latin1),
        "utf_16" => Some(Codec::Utf16(None)),
        "utf_16_le" => Some(Codec::Utf16(Some(Little))),
        "utf_16_be" => Some(Codec::Utf16(Some(Big))),
        "utf_32" => Some(Codec::Utf32(None)),
        "utf_32_le" => Some(Codec::Utf32(Some(Little))),
        "utf_32_be" => Some(Codec::Utf32(Some(Big))),
        _ => None,
    };
    if module.is_some() {
        return module;
    }
    let codec = match norm.replace('.', "_").as_str() {
        "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => Codec::Utf8,
        "646" | "ansi_x3_4_1968" | "ansi_x3_4_1986" | "cp367" | "csascii" | "ibm367"
        | "iso646_us" | "iso_646_irv_1991" | "iso_ir_6" | "us" | "us_ascii" => Codec::Ascii,
        "latin1" | "latin" | "l1" | "iso8859_1" | "iso_8859_1" | "8859" | "cp819"
        | "csisolatin1" | "ibm819" | "iso_8859_1_1987" | "iso_ir_100" | "iso8859" => Codec::Latin1,
        "utf16" | "u16" => Codec::Utf16(None),
        "utf_16le" | "unicodelittleunmarked" => Codec::Utf16(Some(Little)),
        "utf_16be" | "unicodebigunmarked" => Codec::Utf16(Some(Big)),
        "utf32" | "u32" => Codec::Utf32(None),
        "utf_32le" => Codec::Utf32(Some(Little)),
        "utf_32be" => Codec::Utf32(Some(Big)),
        _ => return None,
    };
    Some(codec)
}

/// The `LookupError` for an encoding no codec handles.
pub fn unknown_encoding(name: &str) -> TextError {
    TextError::kind_msg(ExcKind::LookupError, format!("unknown encoding: {name}"))
}

/// A standard error handler, by its `errors=` name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorHandler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
    NameReplace,
    SurrogateEscape,
    SurrogatePass,
    /// A name that is not one of the above: `LookupError` once an error needs handling (custom
    /// handlers of `codecs.register_error` are the interpreter's business).
    Unknown(String),
}

impl ErrorHandler {
    /// The handler for an `errors=` argument (names are case-sensitive, as in CPython).
    pub fn from_name(name: &str) -> Self {
        match name {
            "strict" => ErrorHandler::Strict,
            "ignore" => ErrorHandler::Ignore,
            "replace" => ErrorHandler::Replace,
            "backslashreplace" => ErrorHandler::BackslashReplace,
            "xmlcharrefreplace" => ErrorHandler::XmlCharRefReplace,
            "namereplace" => ErrorHandler::NameReplace,
            "surrogateescape" => ErrorHandler::SurrogateEscape,
            "surrogatepass" => ErrorHandler::SurrogatePass,
            other => ErrorHandler::Unknown(other.to_owned()),
        }
    }

    fn lookup_error(name: &str) -> TextError {
        TextError::kind_msg(
            ExcKind::LookupError,
            format!("unknown error handler name '{name}'"),
        )
    }
}

/// Appends `\xNN`, `\uNNNN` or `\UNNNNNNNN` for a code point (backslashreplace, namereplace).
fn push_backslash_escape(out: &mut String, cp: u32) {
    use std::fmt::Write as _;
    let _ = if cp < 0x100 {
        write!(out, "\\x{cp:02x}")
    } else if cp < 0x10000 {
        write!(out, "\\u{cp:04x}")
    } else {
        write!(out, "\\U{cp:08x}")
    };
}
