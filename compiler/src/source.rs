//! Source decoding as `compile(bytes, ...)` does it: null bytes refused, newlines normalized
//! (`\r\n`, `\r` to `\n`), the UTF-8 BOM, PEP 263 coding declarations, and decoding through the
//! declared codec, with CPython 3.14's error messages. Mirrors Parser/tokenizer/string_tokenizer.c
//! (`decode_str`), Parser/tokenizer/helpers.c (`check_bom`, `check_coding_spec`,
//! `get_normal_name`, `translate_newlines`, `ensure_utf8`); codecs are looked up as `codecs.lookup`
//! does it (see `codecs`).

mod codecs;

use std::borrow::Cow;

use crate::error::{ErrorKind, SyntaxError};

/// Decodes a source file's bytes to text with newlines normalized.
pub fn decode_source(bytes: &[u8]) -> Result<String, SyntaxError> {
    if let Some(text) = fast_path(bytes) {
        return Ok(text.to_owned());
    }
    if bytes.contains(&0) {
        // `compile()` refuses these before tokenizing (CPython gives no line: `lineno` is None).
        return Err(error("source code string cannot contain null bytes", 0));
    }
    let translated = translate_newlines(bytes);
    let (body, bom) = match translated.strip_prefix(BOM) {
        Some(rest) => (rest, true),
        None => (&translated[..], false),
    };
    let Some((spec, line)) = find_coding_spec(body) else {
        return decode_utf8_default(body);
    };
    let name = normal_name(spec);
    if bom && name != "utf-8" {
        return Err(error(format!("encoding problem: {name} with BOM"), line));
    }
    if name == "utf-8" {
        return decode_utf8_default(body);
    }
    codecs::decode(&name, body).map_err(|msg| error(msg, 0))
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

fn error(msg: impl Into<String>, lineno: u32) -> SyntaxError {
    SyntaxError::on_line(ErrorKind::SyntaxError, msg, lineno)
}

/// The common case: no BOM, no `\r`, no NUL, valid UTF-8 and no coding declaration other than
/// UTF-8. Costs one UTF-8 validation and one word-at-a-time scan.
fn fast_path(bytes: &[u8]) -> Option<&str> {
    if bytes.starts_with(BOM) || has_nul_or_cr(bytes) {
        return None;
    }
    let text = std::str::from_utf8(bytes).ok()?;
    match find_coding_spec(bytes) {
        None => Some(text),
        Some((spec, _)) if normal_name(spec) == "utf-8" => Some(text),
        Some(_) => None,
    }
}

/// Whether any byte is NUL or `\r`, looking at eight bytes at a time.
fn has_nul_or_cr(bytes: &[u8]) -> bool {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    const CR: u64 = 0x0D0D_0D0D_0D0D_0D0D;
    // Nonzero when some byte of `w` is zero (exact for the lowest such byte, so exact as a test).
    let has_zero = |w: u64| w.wrapping_sub(LO) & !w & HI != 0;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        if has_zero(w) || has_zero(w ^ CR) {
            return true;
        }
    }
    chunks.remainder().iter().any(|&b| b == 0 || b == b'\r')
}

/// `\r\n` and lone `\r` to `\n` (borrowed when there is no `\r`).
fn translate_newlines(bytes: &[u8]) -> Cow<'_, [u8]> {
    if !bytes.contains(&b'\r') {
        return Cow::Borrowed(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut iter = bytes.iter().copied().peekable();
    while let Some(b) = iter.next() {
        if b == b'\r' {
            out.push(b'\n');
            if iter.peek() == Some(&b'\n') {
                iter.next();
            }
        } else {
            out.push(b);
        }
    }
    Cow::Owned(out)
}

/// The PEP 263 declaration (`^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`) on line 1, or on line 2 when
/// line 1 is blank or only a comment, with its line number.
fn find_coding_spec(body: &[u8]) -> Option<(&str, u32)> {
    let mut lines = body.split(|&b| b == b'\n');
    let first = lines.next()?;
    if let Some(spec) = coding_spec(first) {
        return Some((spec, 1));
    }
    let blank_or_comment = first
        .iter()
        .find(|&&b| !matches!(b, b' ' | b'\t' | b'\x0c'))
        .is_none_or(|&b| b == b'#');
    if !blank_or_comment {
        return None;
    }
    let second = lines.next()?;
    coding_spec(second).map(|spec| (spec, 2))
}

/// The encoding named by a coding declaration on `line`, if it has one.
fn coding_spec(line: &[u8]) -> Option<&str> {
    let hash = line
        .iter()
        .position(|&b| !matches!(b, b' ' | b'\t' | b'\x0c'))?;
    if line[hash] != b'#' {
        return None;
    }
    let mut from = hash + 1;
    while let Some(k) = find(&line[from..], b"coding") {
        let after = from + k + 6;
        from = from + k + 1;
        if !matches!(line.get(after), Some(b':' | b'=')) {
            continue;
        }
        let mut start = after + 1;
        while matches!(line.get(start), Some(b' ' | b'\t')) {
            start += 1;
        }
        let len = line[start..]
            .iter()
            .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
            .count();
        if len > 0 {
            // Only ASCII was taken, so this cannot fail.
            return std::str::from_utf8(&line[start..start + len]).ok();
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The tokenizer's own spelling of UTF-8 and Latin-1 names (`get_normal_name`): `utf-8`,
/// `utf_8`, `UTF-8-anything` become `utf-8`; `latin-1`, `iso-8859-1`, `iso-latin-1` (and their
/// `-anything` variants) become `iso-8859-1`; only the first 12 characters are looked at.
fn normal_name(spec: &str) -> Cow<'_, str> {
    let head: String = spec
        .bytes()
        .take(12)
        .map(|b| {
            if b == b'_' {
                '-'
            } else {
                b.to_ascii_lowercase() as char
            }
        })
        .collect();
    if head == "utf-8" || head.starts_with("utf-8-") {
        Cow::Borrowed("utf-8")
    } else if ["latin-1", "iso-8859-1", "iso-latin-1"].contains(&head.as_str())
        || ["latin-1-", "iso-8859-1-", "iso-latin-1-"]
            .iter()
            .any(|p| head.starts_with(p))
    {
        Cow::Borrowed("iso-8859-1")
    } else {
        Cow::Borrowed(spec)
    }
}

/// UTF-8 when no other encoding was declared: invalid bytes get the PEP 263 message, on the line
/// of the first one.
fn decode_utf8_default(body: &[u8]) -> Result<String, SyntaxError> {
    match std::str::from_utf8(body) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => {
            let at = e.valid_up_to();
            let line_start = body[..at]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |k| k + 1);
            let lineno = body[..at].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
            let col = (at - line_start) as u32;
            let msg = format!(
                "Non-UTF-8 code starting with '\\x{:02x}' on line {lineno}, but no encoding \
                 declared; see https://peps.python.org/pep-0263/ for details",
                body[at]
            );
            Err(SyntaxError {
                kind: ErrorKind::SyntaxError,
                msg,
                lineno,
                col,
                end_lineno: lineno,
                end_col: col,
                origin: crate::error::Origin::Parser,
            })
        }
    }
}

#[cfg(test)]
#[path = "source/tests.rs"]
mod tests;
