//! `PyStr`: a Python `str` value, which unlike Rust's `String` may hold lone surrogates
//! (`'\ud800'`). Stored as generalized UTF-8: surrogates use their 3-byte encodings and are never
//! paired up, so every code point round-trips.

/// A Python string: any sequence of code points U+0000..=U+10FFFF.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct PyStr {
    bytes: Vec<u8>,
}

impl PyStr {
    pub fn new() -> Self {
        PyStr { bytes: Vec::new() }
    }
}
