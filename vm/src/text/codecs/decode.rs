//! Decoders with the standard error handlers. Mirrors Objects/unicodeobject.c
//! (`PyUnicode_DecodeUTF8Stateful`, `PyUnicode_DecodeUTF16Stateful`, `PyUnicode_DecodeUTF32Stateful`,
//! `PyUnicode_DecodeASCII`, `PyUnicode_DecodeLatin1`) and the decode side of Python/codecs.c's
//! handlers: each error is a byte range and a reason, and the handler says where to go on.

use protopy_compiler::pystr::PyStr;

use super::{push_backslash_escape, Codec, Endian, ErrorHandler};
use crate::text::error::{ExcKind, TextError, UnicodeDecodeError};
use crate::text::index::decode_at;

/// A decoding problem at a position: the range of bytes and the reason.
struct Bad {
    start: usize,
    end: usize,
    reason: &'static str,
}

/// One step of a decoder: a code point and its length, or a problem.
type Step = Result<(u32, usize), Bad>;

/// How bytes become code points.
#[derive(Clone, Copy)]
enum Form {
    Ascii,
    Latin1,
    Utf8,
    Utf16(Endian),
    Utf32(Endian),
}

fn unit16(b: &[u8], at: usize, order: Endian) -> Option<u32> {
    let pair = [*b.get(at)?, *b.get(at + 1)?];
    Some(u32::from(match order {
        Endian::Little => u16::from_le_bytes(pair),
        Endian::Big => u16::from_be_bytes(pair),
    }))
}

fn unit32(b: &[u8], at: usize, order: Endian) -> Option<u32> {
    let quad = [
        *b.get(at)?,
        *b.get(at + 1)?,
        *b.get(at + 2)?,
        *b.get(at + 3)?,
    ];
    Some(match order {
        Endian::Little => u32::from_le_bytes(quad),
        Endian::Big => u32::from_be_bytes(quad),
    })
}

fn bad(start: usize, end: usize, reason: &'static str) -> Bad {
    Bad { start, end, reason }
}

/// Decodes at `pos`, where the valid run before has been copied already: usually a problem, with
/// the reason and range CPython gives (the maximal invalid subpart, as Rust's `error_len`).
fn step_utf8(b: &[u8], pos: usize) -> Step {
    match std::str::from_utf8(&b[pos..]) {
        Err(e) if e.valid_up_to() == 0 => Err(match e.error_len() {
            None => bad(pos, b.len(), "unexpected end of data"),
            Some(n) if matches!(b[pos], 0x80..=0xC1 | 0xF5..=0xFF) => {
                bad(pos, pos + n, "invalid start byte")
            }
            Some(n) => bad(pos, pos + n, "invalid continuation byte"),
        }),
        _ => decode_at(b, pos).ok_or_else(|| bad(pos, b.len(), "unexpected end of data")),
    }
}

fn step(form: Form, b: &[u8], pos: usize) -> Step {
    match form {
        Form::Ascii => match b[pos] {
            c @ 0..=0x7F => Ok((u32::from(c), 1)),
            _ => Err(bad(pos, pos + 1, "ordinal not in range(128)")),
        },
        Form::Latin1 => Ok((u32::from(b[pos]), 1)),
        Form::Utf8 => step_utf8(b, pos),
        Form::Utf16(order) => {
            let Some(u) = unit16(b, pos, order) else {
                return Err(bad(pos, b.len(), "truncated data"));
            };
            match u {
                0xD800..=0xDBFF => match unit16(b, pos + 2, order) {
                    None => Err(bad(pos, b.len(), "unexpected end of data")),
                    Some(lo @ 0xDC00..=0xDFFF) => {
                        Ok((0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00), 4))
                    }
                    Some(_) => Err(bad(pos, pos + 2, "illegal UTF-16 surrogate")),
                },
                0xDC00..=0xDFFF => Err(bad(pos, pos + 2, "illegal encoding")),
                _ => Ok((u, 2)),
            }
        }
        Form::Utf32(order) => match unit32(b, pos, order) {
            None => Err(bad(pos, b.len(), "truncated data")),
            Some(0x110000..) => Err(bad(pos, pos + 4, "code point not in range(0x110000)")),
            Some(0xD800..=0xDFFF) => Err(bad(
                pos,
                pos + 4,
                "code point in surrogate code point range(0xd800, 0xe000)",
            )),
            Some(cp) => Ok((cp, 4)),
        },
    }
}

/// surrogatepass: the surrogate encoded at `start` in the codec's form, and its length.
fn surrogate_at(form: Form, b: &[u8], start: usize) -> Option<(u32, usize)> {
    let (cp, len) = match form {
        Form::Utf8 => {
            let p = b.get(start..start + 3)?;
            if p[0] & 0xF0 != 0xE0 || p[1] & 0xC0 != 0x80 || p[2] & 0xC0 != 0x80 {
                return None;
            }
            let cp = (u32::from(p[0] & 0x0F) << 12)
                | (u32::from(p[1] & 0x3F) << 6)
                | u32::from(p[2] & 0x3F);
            (cp, 3)
        }
        Form::Utf16(order) => (unit16(b, start, order)?, 2),
        Form::Utf32(order) => (unit32(b, start, order)?, 4),
        Form::Ascii | Form::Latin1 => return None,
    };
    (0xD800..=0xDFFF).contains(&cp).then_some((cp, len))
}

/// `bytes.decode(encoding, errors)` once the encoding name is looked up; `errors` is the
/// handler's name (an unknown one fails only if an error needs handling).
pub fn decode(b: &[u8], codec: Codec, errors: &str) -> Result<PyStr, TextError> {
    let mut pos = 0;
    let (form, encoding) = match codec {
        Codec::Utf8 => {
            if let Ok(s) = std::str::from_utf8(b) {
                return Ok(PyStr::from(s));
            }
            (Form::Utf8, "utf-8")
        }
        Codec::Ascii => (Form::Ascii, "ascii"),
        Codec::Latin1 => (Form::Latin1, "latin-1"),
        Codec::Utf16(order) => {
            let order = order.unwrap_or_else(|| match b {
                [0xFF, 0xFE, ..] => {
                    pos = 2;
                    Endian::Little
                }
                [0xFE, 0xFF, ..] => {
                    pos = 2;
                    Endian::Big
                }
                _ => Endian::Little,
            });
            let name = match order {
                Endian::Little => "utf-16-le",
                Endian::Big => "utf-16-be",
            };
            (Form::Utf16(order), name)
        }
        Codec::Utf32(order) => {
            let order = order.unwrap_or_else(|| match b {
                [0xFF, 0xFE, 0, 0, ..] => {
                    pos = 4;
                    Endian::Little
                }
                [0, 0, 0xFE, 0xFF, ..] => {
                    pos = 4;
                    Endian::Big
                }
                _ => Endian::Little,
            });
            let name = match order {
                Endian::Little => "utf-32-le",
                Endian::Big => "utf-32-be",
            };
            (Form::Utf32(order), name)
        }
    };
    let handler = ErrorHandler::from_name(errors);
    let mut out = PyStr::with_capacity(b.len());
    while pos < b.len() {
        if let Form::Utf8 = form {
            // Copy the valid run at once.
            let valid = match std::str::from_utf8(&b[pos..]) {
                Ok(s) => s.len(),
                Err(e) => e.valid_up_to(),
            };
            if let Ok(s) = std::str::from_utf8(&b[pos..pos + valid]) {
                out.push_str(s);
            }
            pos += valid;
            if pos >= b.len() {
                break;
            }
        }
        let problem = match step(form, b, pos) {
            Ok((cp, len)) => {
                out.push_code_point(cp);
                pos += len;
                continue;
            }
            Err(problem) => problem,
        };
        let Bad { start, end, reason } = problem;
        let fail = || {
            TextError::Decode(Box::new(UnicodeDecodeError {
                encoding,
                object: b.to_vec(),
                start,
                end,
                reason,
            }))
        };
        pos = match &handler {
            ErrorHandler::Strict => return Err(fail()),
            ErrorHandler::Ignore => end,
            ErrorHandler::Replace => {
                out.push('\u{FFFD}');
                end
            }
            ErrorHandler::BackslashReplace => {
                let mut rep = String::new();
                b[start..end]
                    .iter()
                    .for_each(|&c| push_backslash_escape(&mut rep, u32::from(c)));
                out.push_str(&rep);
                end
            }
            ErrorHandler::SurrogateEscape => {
                // At most four bytes, and never an ASCII one.
                let n = b[start..end]
                    .iter()
                    .take(4)
                    .take_while(|&&c| c >= 0x80)
                    .count();
                if n == 0 {
                    return Err(fail());
                }
                b[start..start + n]
                    .iter()
                    .for_each(|&c| out.push_code_point(0xDC00 + u32::from(c)));
                start + n
            }
            ErrorHandler::SurrogatePass => match surrogate_at(form, b, start) {
                Some((cp, len)) => {
                    out.push_code_point(cp);
                    start + len
                }
                None => return Err(fail()),
            },
            ErrorHandler::XmlCharRefReplace | ErrorHandler::NameReplace => {
                return Err(TextError::kind_msg(
                    ExcKind::TypeError,
                    "don't know how to handle UnicodeDecodeError in error callback",
                ))
            }
            ErrorHandler::Unknown(name) => return Err(ErrorHandler::lookup_error(name)),
        };
    }
    Ok(out)
}
