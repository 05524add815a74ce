//! Encoders with the standard error handlers. Mirrors Objects/unicodeobject.c (`unicode_encode_ucs1`,
//! `unicode_encode_utf8`, `_PyUnicode_EncodeUTF16`, `_PyUnicode_EncodeUTF32`) and the encode side of
//! Python/codecs.c's handlers: ASCII, Latin-1 and UTF-8 hand a whole run of unencodable
//! characters to the handler, UTF-16 and UTF-32 one character at a time.

use protopy_compiler::pystr::PyStr;

use super::{push_backslash_escape, Codec, Endian, ErrorHandler};
use crate::text::error::{TextError, UnicodeEncodeError};
use crate::text::unicode::private_use_alias_name;

/// How code points become bytes.
#[derive(Clone, Copy)]
enum Form {
    /// One byte per code point below the limit (ASCII 128, Latin-1 256).
    Byte(u32),
    Utf8,
    Utf16(Endian),
    Utf32(Endian),
}

impl Form {
    fn encodable(self, cp: u32) -> bool {
        match self {
            Form::Byte(limit) => cp < limit,
            _ => !(0xD800..0xE000).contains(&cp),
        }
    }

    fn reason(self) -> &'static str {
        match self {
            Form::Byte(128) => "ordinal not in range(128)",
            Form::Byte(_) => "ordinal not in range(256)",
            _ => "surrogates not allowed",
        }
    }

    /// Writes a code point (surrogates too, for surrogatepass).
    fn write(self, out: &mut Vec<u8>, cp: u32) {
        match self {
            Form::Byte(_) => out.push(cp as u8),
            Form::Utf8 => {
                if cp < 0x80 {
                    out.push(cp as u8);
                } else if cp < 0x800 {
                    out.extend_from_slice(&[0xC0 | (cp >> 6) as u8, 0x80 | (cp & 0x3F) as u8]);
                } else if cp < 0x10000 {
                    out.extend_from_slice(&[
                        0xE0 | (cp >> 12) as u8,
                        0x80 | ((cp >> 6) & 0x3F) as u8,
                        0x80 | (cp & 0x3F) as u8,
                    ]);
                } else {
                    out.extend_from_slice(&[
                        0xF0 | (cp >> 18) as u8,
                        0x80 | ((cp >> 12) & 0x3F) as u8,
                        0x80 | ((cp >> 6) & 0x3F) as u8,
                        0x80 | (cp & 0x3F) as u8,
                    ]);
                }
            }
            Form::Utf16(order) => {
                let mut unit = |u: u16| match order {
                    Endian::Little => out.extend_from_slice(&u.to_le_bytes()),
                    Endian::Big => out.extend_from_slice(&u.to_be_bytes()),
                };
                if cp >= 0x10000 {
                    let v = cp - 0x10000;
                    unit(0xD800 | (v >> 10) as u16);
                    unit(0xDC00 | (v & 0x3FF) as u16);
                } else {
                    unit(cp as u16);
                }
            }
            Form::Utf32(Endian::Little) => out.extend_from_slice(&cp.to_le_bytes()),
            Form::Utf32(Endian::Big) => out.extend_from_slice(&cp.to_be_bytes()),
        }
    }
}

/// `str.encode(encoding, errors)` once the encoding name is looked up; `errors` is the handler's
/// name (an unknown one fails only if an error needs handling).
pub fn encode(s: &PyStr, codec: Codec, errors: &str) -> Result<Vec<u8>, TextError> {
    let form = match codec {
        Codec::Utf8 => Form::Utf8,
        Codec::Ascii => Form::Byte(0x80),
        Codec::Latin1 => Form::Byte(0x100),
        Codec::Utf16(order) => Form::Utf16(order.unwrap_or(Endian::Little)),
        Codec::Utf32(order) => Form::Utf32(order.unwrap_or(Endian::Little)),
    };
    // Fast paths: text every byte of which is already right.
    match form {
        Form::Utf8 if !s.has_surrogates() => return Ok(s.as_bytes().to_vec()),
        Form::Byte(_) if s.as_bytes().is_ascii() => return Ok(s.as_bytes().to_vec()),
        _ => {}
    }
    let mut out = Vec::with_capacity(s.as_bytes().len());
    match codec {
        Codec::Utf16(None) => form.write(&mut out, 0xFEFF),
        Codec::Utf32(None) => form.write(&mut out, 0xFEFF),
        _ => {}
    }
    let cps: Vec<u32> = s.code_points().collect();
    let handler = ErrorHandler::from_name(errors);
    let fail = |start: usize, end: usize| {
        TextError::Encode(Box::new(UnicodeEncodeError {
            encoding: codec.name(),
            object: s.clone(),
            start,
            end,
            reason: form.reason(),
        }))
    };
    let mut i = 0;
    while i < cps.len() {
        let cp = cps[i];
        if form.encodable(cp) {
            form.write(&mut out, cp);
            i += 1;
            continue;
        }
        let end = match form {
            Form::Utf16(_) | Form::Utf32(_) => i + 1,
            _ => {
                let run = cps[i..].iter().take_while(|&&c| !form.encodable(c)).count();
                i + run
            }
        };
        let run = &cps[i..end];
        match &handler {
            ErrorHandler::Strict => return Err(fail(i, end)),
            ErrorHandler::Ignore => {}
            ErrorHandler::Replace => run.iter().for_each(|_| form.write(&mut out, 0x3F)),
            ErrorHandler::BackslashReplace => {
                let mut rep = String::new();
                run.iter().for_each(|&c| push_backslash_escape(&mut rep, c));
                rep.bytes().for_each(|b| form.write(&mut out, u32::from(b)));
            }
            ErrorHandler::XmlCharRefReplace => {
                for &c in run {
                    format!("&#{c};")
                        .bytes()
                        .for_each(|b| form.write(&mut out, u32::from(b)));
                }
            }
            ErrorHandler::NameReplace => {
                let mut rep = String::new();
                for &c in run {
                    let name = match private_use_alias_name(c) {
                        Some(alias) => Some(alias.to_owned()),
                        None => char::from_u32(c)
                            .and_then(unicode_names2::name)
                            .map(|n| n.to_string()),
                    };
                    match name {
                        Some(name) => {
                            rep.push_str("\\N{");
                            rep.push_str(&name);
                            rep.push('}');
                        }
                        None => push_backslash_escape(&mut rep, c),
                    }
                }
                rep.bytes().for_each(|b| form.write(&mut out, u32::from(b)));
            }
            ErrorHandler::SurrogateEscape => {
                // The handler gives one byte per character, which UTF-16 and UTF-32 refuse.
                if let Form::Utf16(_) | Form::Utf32(_) = form {
                    return Err(fail(i, end));
                }
                for (k, &c) in run.iter().enumerate() {
                    if !(0xDC80..=0xDCFF).contains(&c) {
                        return Err(fail(i + k, end));
                    }
                    out.push((c - 0xDC00) as u8);
                }
            }
            ErrorHandler::SurrogatePass => {
                if let Form::Byte(_) = form {
                    return Err(fail(i, end));
                }
                // Only surrogates are unencodable in the UTF forms.
                run.iter().for_each(|&c| form.write(&mut out, c));
            }
            ErrorHandler::Unknown(name) => return Err(ErrorHandler::lookup_error(name)),
        }
        i = end;
    }
    Ok(out)
}
