//! Escape decoding of string and bytes literal bodies. Mirrors `decode_unicode_with_escapes` and
//! `decode_bytes_with_escapes` (Parser/string_parser.c), `_PyUnicode_DecodeUnicodeEscapeInternal`
//! (Objects/unicodeobject.c) and `_PyBytes_DecodeEscape` (Objects/bytesobject.c), error messages
//! included.

use super::name_aliases::NAME_ALIASES;
use crate::pystr::PyStr;

/// A literal that cannot be decoded. `start..end` are byte offsets within the body passed in
/// (the offending escape or character); `message` is CPython's `SyntaxError` message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiteralError {
    pub start: usize,
    pub end: usize,
    pub message: String,
}

/// The first escape sequence that CPython accepts but warns about (`SyntaxWarning`; CPython
/// reports only the first one of a literal).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EscapeWarning {
    /// Byte offset of the backslash within the body.
    pub start: usize,
    pub message: String,
}

/// Decodes a `str` literal body (the text between the quotes, or one literal chunk of an
/// f-string or t-string when `fstring` is set: then `{{` and `}}` stand for one brace).
pub fn decode_str(body: &str, raw: bool, fstring: bool) -> Result<PyStr, LiteralError> {
    decode_str_warn(body, raw, fstring).map(|(s, _)| s)
}

/// [`decode_str`], also returning the warning CPython emits for the first invalid escape.
pub fn decode_str_warn(
    body: &str,
    raw: bool,
    fstring: bool,
) -> Result<(PyStr, Option<EscapeWarning>), LiteralError> {
    let has_braces = fstring && body.bytes().any(|b| b == b'{' || b == b'}');
    if !has_braces && (raw || !body.contains('\\')) {
        return Ok((PyStr::from(body), None));
    }
    if raw {
        return Ok((PyStr::from(collapse_braces(body).as_str()), None));
    }
    let mut warning = None;
    let decoder = StrDecoder {
        body,
        bytes: body.as_bytes(),
        i: 0,
        base_pos: 0,
        pos_shift: 0,
        fstring,
    };
    let s = decoder.run(&mut warning)?;
    Ok((s, warning))
}

fn collapse_braces(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if (c == '{' || c == '}') && chars.peek() == Some(&c) {
            chars.next();
        }
    }
    out
}

/// Walks a non-raw `str` body. Error positions are reported as CPython computes them: on a copy
/// of the body where each non-ASCII character became a 10-byte `\U%08x` escape and a backslash
/// before one became `\u005c`; in f-strings, counting restarts after each doubled brace (the
/// tokenizer ends a literal chunk there).
struct StrDecoder<'a> {
    body: &'a str,
    bytes: &'a [u8],
    i: usize,
    /// Byte offset where CPython's current chunk starts (after the last doubled brace).
    base_pos: usize,
    /// CPython position minus byte offset, accumulated over the chunk's non-ASCII characters.
    pos_shift: isize,
    fstring: bool,
}

impl StrDecoder<'_> {
    /// CPython's position of byte offset `at` (which must not be before `base_pos`).
    fn cpython_pos(&self, at: usize) -> usize {
        (at - self.base_pos).saturating_add_signed(self.pos_shift)
    }

    fn error(&self, start: usize, end: usize, cp_end: usize, reason: &str) -> LiteralError {
        let first = self.cpython_pos(start);
        let message = format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {first}-{}: {reason}",
            cp_end.saturating_sub(1).max(first)
        );
        LiteralError {
            start,
            end,
            message,
        }
    }

    fn run(mut self, warning: &mut Option<EscapeWarning>) -> Result<PyStr, LiteralError> {
        let mut out = PyStr::with_capacity(self.bytes.len());
        let mut plain_start = 0;
        while self.i < self.bytes.len() {
            let b = self.bytes[self.i];
            if b >= 0x80 {
                // A non-ASCII character: one code point, counted as 10 bytes by CPython.
                let len = utf8_len(b);
                self.pos_shift += 10 - len as isize;
                self.i += len;
                continue;
            }
            if self.fstring && (b == b'{' || b == b'}') && self.bytes.get(self.i + 1) == Some(&b) {
                out.push_str(&self.body[plain_start..=self.i]);
                self.i += 2;
                plain_start = self.i;
                self.base_pos = self.i;
                self.pos_shift = 0;
                continue;
            }
            if b != b'\\' {
                self.i += 1;
                continue;
            }
            out.push_str(&self.body[plain_start..self.i]);
            self.escape(&mut out, warning)?;
            plain_start = self.i;
        }
        out.push_str(&self.body[plain_start..]);
        Ok(out)
    }

    /// Decodes the escape at `self.i` (a backslash) into `out` and moves past it.
    fn escape(
        &mut self,
        out: &mut PyStr,
        warning: &mut Option<EscapeWarning>,
    ) -> Result<(), LiteralError> {
        let start = self.i;
        let Some(&c) = self.bytes.get(start + 1) else {
            // A trailing backslash (CPython turns it into `\u005c`, a literal backslash). In an
            // f-string chunk a replacement field follows: CPython warns about `\{`.
            if self.fstring {
                warn(warning, start, "{", false);
            }
            out.push('\\');
            self.pos_shift += 5;
            self.i += 1;
            return Ok(());
        };
        self.i = start + 2;
        let simple = match c {
            b'\n' => Some(None),
            b'\\' => Some(Some('\\')),
            b'\'' => Some(Some('\'')),
            b'"' => Some(Some('"')),
            b'b' => Some(Some('\x08')),
            b'f' => Some(Some('\x0c')),
            b't' => Some(Some('\t')),
            b'n' => Some(Some('\n')),
            b'r' => Some(Some('\r')),
            b'v' => Some(Some('\x0b')),
            b'a' => Some(Some('\x07')),
            _ => None,
        };
        if let Some(decoded) = simple {
            if let Some(ch) = decoded {
                out.push(ch);
            }
            return Ok(());
        }
        match c {
            b'0'..=b'7' => {
                let (value, end) = octal(self.bytes, start + 1);
                self.i = end;
                if value > 0o377 {
                    warn(warning, start, &self.body[start + 1..end], true);
                }
                out.push_code_point(value);
            }
            b'x' | b'u' | b'U' => {
                let (digits, reason) = match c {
                    b'x' => (2, "truncated \\xXX escape"),
                    b'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut value: u32 = 0;
                for k in 0..digits {
                    let at = start + 2 + k;
                    match self.bytes.get(at).and_then(|&d| (d as char).to_digit(16)) {
                        Some(d) => value = (value << 4) | d,
                        None => return Err(self.error(start, at, self.cpython_pos(at), reason)),
                    }
                }
                self.i = start + 2 + digits;
                if value > 0x10FFFF {
                    let cp_end = self.cpython_pos(self.i);
                    return Err(self.error(start, self.i, cp_end, "illegal Unicode character"));
                }
                out.push_code_point(value);
            }
            b'N' => self.named(start, out)?,
            _ if c >= 0x80 => {
                // A backslash before a non-ASCII character is kept, silently (CPython writes
                // `\u005c` for it).
                self.pos_shift += 5;
                self.i = start + 1;
                out.push('\\');
            }
            b'{' | b'}' if self.fstring => {
                // The brace is left for the brace logic (`\{{` is a backslash and one brace).
                self.i = start + 1;
                out.push('\\');
                warn(warning, start, &self.body[start + 1..start + 2], false);
            }
            _ => {
                out.push('\\');
                out.push(c as char);
                warn(warning, start, &self.body[start + 1..start + 2], false);
            }
        }
        Ok(())
    }

    /// `\N{NAME}` at `start`.
    fn named(&mut self, start: usize, out: &mut PyStr) -> Result<(), LiteralError> {
        let malformed = "malformed \\N character escape";
        let open = start + 2;
        if self.bytes.get(open) != Some(&b'{') {
            return Err(self.error(start, open, self.cpython_pos(open), malformed));
        }
        let name_start = open + 1;
        let close = self.bytes[name_start..]
            .iter()
            .position(|&b| b == b'}')
            .map(|k| name_start + k);
        let Some(close) = close.filter(|&c| c > name_start) else {
            // CPython stops at the closing brace, or at the end of the body.
            let stop = close.unwrap_or(self.bytes.len());
            let cp_stop = self.cpython_pos_over(name_start, stop);
            return Err(self.error(start, stop, cp_stop, malformed));
        };
        self.i = close + 1;
        match lookup_name(&self.body[name_start..close]) {
            Some(c) => {
                out.push(c);
                Ok(())
            }
            None => {
                let cp_end = self.cpython_pos_over(name_start, self.i);
                Err(self.error(start, self.i, cp_end, "unknown Unicode character name"))
            }
        }
    }

    /// CPython's position of byte offset `to`, counting the non-ASCII characters between `from`
    /// (a position already accounted for) and `to`.
    fn cpython_pos_over(&self, from: usize, to: usize) -> usize {
        let bytes = &self.bytes[from..to];
        let mut extra = 0;
        let mut k = 0;
        while k < bytes.len() {
            match bytes[k] {
                b'\\' => match bytes.get(k + 1) {
                    // The backslash and the ASCII character after it are copied as they are.
                    Some(&next) if next < 0x80 => k += 2,
                    // CPython writes `\u005c` for a backslash before a non-ASCII character.
                    _ => {
                        extra += 5;
                        k += 1;
                    }
                },
                b if b >= 0x80 => {
                    let len = utf8_len(b);
                    extra += 10 - len;
                    k += len;
                }
                _ => k += 1,
            }
        }
        self.cpython_pos(to) + extra
    }
}

fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        _ => 2,
    }
}

/// Up to three octal digits starting at `at` (the first is known to be one).
fn octal(bytes: &[u8], at: usize) -> (u32, usize) {
    let mut value = 0;
    let mut end = at;
    while end < at + 3 {
        match bytes.get(end) {
            Some(&d @ b'0'..=b'7') => value = value * 8 + u32::from(d - b'0'),
            _ => break,
        }
        end += 1;
    }
    (value, end)
}

/// The character called `name` as `\N{...}` accepts it: a Unicode 16.0 name or formal alias,
/// matched exactly except for letter case (no loose matching, no named sequences).
pub fn lookup_name(name: &str) -> Option<char> {
    if !name.is_ascii() || name.len() > 256 {
        return None;
    }
    let upper = name.to_ascii_uppercase();
    // Every Unicode name and alias is made of A-Z, 0-9, space and hyphen and starts with a letter
    // or digit; anything else is no name. Checking first also keeps unicode_names2 away from
    // inputs it mishandles (a leading '-' underflows an index in its loose matcher).
    let plausible = upper
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphanumeric())
        && upper
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b' ' || b == b'-');
    if !plausible {
        return None;
    }
    if let Some(c) = lookup_derived_name(&upper) {
        return Some(c);
    }
    if let Some(c) = unicode_names2::character(&upper) {
        if unicode_names2::name(c).is_some_and(|n| n.to_string() == upper) {
            return Some(c);
        }
    }
    NAME_ALIASES
        .binary_search_by(|(alias, _)| (*alias).cmp(upper.as_str()))
        .ok()
        .and_then(|k| char::from_u32(NAME_ALIASES[k].1))
}

/// Names made of a prefix and the code point in hex (Unicode 16.0 ranges, as CPython 3.14's
/// `unicodedata.lookup` accepts them; Hangul syllables are left to `unicode_names2`).
#[rustfmt::skip]
static DERIVED_NAMES: &[(&str, &[(u32, u32)])] = &[
    ("CJK UNIFIED IDEOGRAPH-", &[
        (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0x20000, 0x2A6DF), (0x2A700, 0x2B739),
        (0x2B740, 0x2B81D), (0x2B820, 0x2CEA1), (0x2CEB0, 0x2EBE0), (0x2EBF0, 0x2EE5D),
        (0x30000, 0x3134A), (0x31350, 0x323AF),
    ]),
    ("CJK COMPATIBILITY IDEOGRAPH-", &[(0xF900, 0xFA6D), (0xFA70, 0xFAD9), (0x2F800, 0x2FA1D)]),
    ("TANGUT IDEOGRAPH-", &[(0x17000, 0x187F7), (0x18D00, 0x18D08)]),
    ("KHITAN SMALL SCRIPT CHARACTER-", &[(0x18B00, 0x18CD5), (0x18CFF, 0x18CFF)]),
    ("NUSHU CHARACTER-", &[(0x1B170, 0x1B2FB)]),
    ("EGYPTIAN HIEROGLYPH-", &[(0x13460, 0x143FA)]),
];

/// A derived name (`CJK UNIFIED IDEOGRAPH-4E00`): the hex must be canonical (upper case after
/// case folding, no leading zeros) and in range.
fn lookup_derived_name(upper: &str) -> Option<char> {
    DERIVED_NAMES.iter().find_map(|(prefix, ranges)| {
        let hex = upper.strip_prefix(prefix)?;
        let cp = u32::from_str_radix(hex, 16).ok()?;
        let in_range = ranges.iter().any(|&(lo, hi)| (lo..=hi).contains(&cp));
        (in_range && !hex.starts_with(['0', '+'])).then(|| char::from_u32(cp))?
    })
}

/// Decodes a `bytes` literal body (the text between the quotes).
pub fn decode_bytes(body: &str, raw: bool) -> Result<Vec<u8>, LiteralError> {
    decode_bytes_warn(body, raw).map(|(b, _)| b)
}

/// [`decode_bytes`], also returning the warning CPython emits for the first invalid escape.
pub fn decode_bytes_warn(
    body: &str,
    raw: bool,
) -> Result<(Vec<u8>, Option<EscapeWarning>), LiteralError> {
    if let Some(start) = body.bytes().position(|b| b >= 0x80) {
        let len = body[start..].chars().next().map_or(1, char::len_utf8);
        return Err(LiteralError {
            start,
            end: start + len,
            message: "bytes can only contain ASCII literal characters".to_owned(),
        });
    }
    let bytes = body.as_bytes();
    if raw || !bytes.contains(&b'\\') {
        return Ok((bytes.to_vec(), None));
    }
    let mut warning = None;
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b != b'\\' {
            out.push(b);
            i += 1;
            continue;
        }
        let start = i;
        let Some(&c) = bytes.get(i + 1) else {
            out.push(b'\\');
            break;
        };
        i += 2;
        match c {
            b'\n' => {}
            b'\\' | b'\'' | b'"' => out.push(c),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0c),
            b't' => out.push(b'\t'),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b'v' => out.push(0x0b),
            b'a' => out.push(0x07),
            b'0'..=b'7' => {
                let (value, end) = octal(bytes, start + 1);
                i = end;
                if value > 0o377 {
                    warn(&mut warning, start, &body[start + 1..end], true);
                }
                out.push((value & 0xFF) as u8);
            }
            b'x' => {
                let hex = |k: usize| bytes.get(k).and_then(|&d| (d as char).to_digit(16));
                match (hex(i), hex(i + 1)) {
                    (Some(hi), Some(lo)) => {
                        out.push((hi * 16 + lo) as u8);
                        i += 2;
                    }
                    (first, _) => {
                        let end = i + usize::from(first.is_some());
                        return Err(LiteralError {
                            start,
                            end,
                            message: format!(
                                "(value error) invalid \\x escape at position {start}"
                            ),
                        });
                    }
                }
            }
            _ => {
                out.push(b'\\');
                out.push(c);
                warn(&mut warning, start, &body[start + 1..start + 2], false);
            }
        }
    }
    Ok((out, warning))
}

/// Records the first invalid escape (`text` is what follows the backslash) as CPython words it.
fn warn(slot: &mut Option<EscapeWarning>, start: usize, text: &str, octal: bool) {
    if slot.is_some() {
        return;
    }
    let kind = if octal {
        "invalid octal escape sequence"
    } else {
        "invalid escape sequence"
    };
    let message = format!(
        "\"\\{text}\" is an {kind}. Such sequences will not work in the future. \
         Did you mean \"\\\\{text}\"? A raw string is also an option."
    );
    *slot = Some(EscapeWarning { start, message });
}

#[cfg(test)]
#[path = "escape_tests.rs"]
mod tests;
