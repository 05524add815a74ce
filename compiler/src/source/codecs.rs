//! The codecs a coding declaration may name, and strict decoding with CPython's
//! `UnicodeDecodeError` messages (Objects/unicodeobject.c, Modules/cjkcodecs). Names resolve as
//! `codecs.lookup` resolves them (normalization as in Lib/encodings/__init__.py), over our own
//! short list of the names people write. Single-byte and CJK code pages decode through
//! `encoding_rs` (the WHATWG Encoding Standard's indexes), made as strict as Python's codecs;
//! ASCII, Latin-1 and the UTF-8/16/32 family are decoded here.
//!
//! Not supported (a declaration naming one gets `unknown encoding: NAME`, where CPython decodes):
//! the EBCDIC pages `cp037`, `cp273`, `cp424`, `cp500`, `cp875`, `cp1026`, `cp1140`; the DOS pages
//! other than `cp866` (`cp437`, `cp720`, `cp737`, `cp775`, `cp850`, `cp852`, `cp855`, `cp856`,
//! `cp857`, `cp858`, `cp860`..`cp865`, `cp869`, `cp1006`, `cp1125`); `hp_roman8`, `koi8_t`,
//! `kz1048`, `ptcp154`, `palmos`; the Mac pages other than `mac_roman` and `mac_cyrillic`
//! (`mac_arabic`, `mac_croatian`, `mac_farsi`, `mac_greek`, `mac_iceland`, `mac_latin2`,
//! `mac_romanian`, `mac_turkish`); the CJK codecs `euc_jis_2004`, `euc_jisx0213`,
//! `shift_jis_2004`, `shift_jisx0213`, `iso2022_jp_1`, `iso2022_jp_2`, `iso2022_jp_2004`,
//! `iso2022_jp_3`, `iso2022_jp_ext`, `iso2022_kr`, `johab`, `hz`; `utf_7`, `unicode_escape`,
//! `raw_unicode_escape`, `idna`, `punycode`, `charmap`, `undefined`, and the Windows-only `mbcs`
//! and `oem`. Names of supported codecs missing from [`CODECS`] are unknown too.

use encoding_rs::Encoding;
use encoding_rs::{
    BIG5_INIT as BIG5, EUC_JP_INIT as EUC_JP, EUC_KR_INIT as EUC_KR, GB18030_INIT as GB18030,
    GBK_INIT as GBK, IBM866_INIT as IBM866, ISO_2022_JP_INIT as ISO_2022_JP,
    ISO_8859_10_INIT as ISO_8859_10, ISO_8859_13_INIT as ISO_8859_13,
    ISO_8859_14_INIT as ISO_8859_14, ISO_8859_15_INIT as ISO_8859_15,
    ISO_8859_16_INIT as ISO_8859_16, ISO_8859_2_INIT as ISO_8859_2, ISO_8859_3_INIT as ISO_8859_3,
    ISO_8859_4_INIT as ISO_8859_4, ISO_8859_5_INIT as ISO_8859_5, ISO_8859_6_INIT as ISO_8859_6,
    ISO_8859_7_INIT as ISO_8859_7, ISO_8859_8_INIT as ISO_8859_8, KOI8_R_INIT as KOI8_R,
    KOI8_U_INIT as KOI8_U, MACINTOSH_INIT as MACINTOSH, SHIFT_JIS_INIT as SHIFT_JIS,
    WINDOWS_1250_INIT as WINDOWS_1250, WINDOWS_1251_INIT as WINDOWS_1251,
    WINDOWS_1252_INIT as WINDOWS_1252, WINDOWS_1253_INIT as WINDOWS_1253,
    WINDOWS_1254_INIT as WINDOWS_1254, WINDOWS_1255_INIT as WINDOWS_1255,
    WINDOWS_1256_INIT as WINDOWS_1256, WINDOWS_1257_INIT as WINDOWS_1257,
    WINDOWS_1258_INIT as WINDOWS_1258, WINDOWS_874_INIT as WINDOWS_874,
    X_MAC_CYRILLIC_INIT as X_MAC_CYRILLIC,
};
use Codec::{Ascii, Latin1, MultiByte, NotText, Utf16, Utf32, Utf8, Utf8Sig};

/// How a codec decodes.
#[derive(Clone, Copy, Debug)]
enum Codec {
    Ascii,
    Latin1,
    Utf8,
    Utf8Sig,
    /// `Some(true)`: big-endian, `Some(false)`: little-endian, `None`: from a BOM (default little).
    Utf16(Option<bool>),
    Utf32(Option<bool>),
    SingleByte(CodePage),
    /// A CJK codec. Only `cp949` is byte-for-byte CPython's codec (checked on every one- and
    /// two-byte sequence); the others are the WHATWG supersets of the same tables (they accept
    /// some sequences CPython rejects and map a few characters differently, such as
    /// `shift_jis`/`euc_jp` 0x8160/0xA1C1, WAVE DASH in CPython, FULLWIDTH TILDE here).
    MultiByte(&'static Encoding),
    /// `base64_codec`, `rot_13`, ...: bytes-to-bytes or str-to-str codecs.
    NotText,
}

/// A single-byte code page: ASCII below 0x80 (in every page here), `encoding_rs`'s WHATWG index
/// above, adjusted to decode as Python's codec of the same name does.
#[derive(Clone, Copy, Debug)]
struct CodePage {
    encoding: &'static Encoding,
    c1: C1,
    /// Bytes the page's own standard (and so Python) defines otherwise than WHATWG's index:
    /// `None` for a byte left undefined.
    patches: &'static [(u8, Option<char>)],
}

/// What a page makes of the bytes WHATWG decodes to C1 controls (U+0080..=U+009F).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum C1 {
    /// As the index has them.
    Indexed,
    /// ISO 8859: bytes 0x80..=0x9F are the C1 controls of the same value (the standard leaves that
    /// range to ISO 6429), also where WHATWG reads the label as a Windows page (`iso-8859-9` as
    /// windows-1254, `iso-8859-11` as windows-874).
    Controls,
    /// Windows pages: the bytes Microsoft leaves undefined, which WHATWG passes through as the C1
    /// control of the same value, are undefined (Python's `cp125x` and `cp874` reject them).
    Undefined,
}

const fn windows(encoding: &'static Encoding) -> Codec {
    Codec::SingleByte(CodePage {
        encoding,
        c1: C1::Undefined,
        patches: &[],
    })
}

const fn iso(encoding: &'static Encoding) -> Codec {
    Codec::SingleByte(CodePage {
        encoding,
        c1: C1::Controls,
        patches: &[],
    })
}

const fn page(encoding: &'static Encoding, patches: &'static [(u8, Option<char>)]) -> Codec {
    Codec::SingleByte(CodePage {
        encoding,
        c1: C1::Indexed,
        patches,
    })
}

/// Every codec protopy decodes, with the names it answers to, normalized (see
/// [`normalize_encoding`]); each was checked to be the same codec in CPython 3.14
/// (`codecs.lookup(name).name`). The first name is CPython's module name (in Lib/encodings), which
/// also names multibyte codecs in errors.
#[rustfmt::skip]
static CODECS: &[(&[&str], Codec)] = &[
    (&["ascii", "646", "ansi_x3.4_1968", "cp367", "ibm367", "iso646_us", "us", "us_ascii"], Ascii),
    (&["latin_1", "8859", "cp819", "ibm819", "iso8859_1", "iso_8859_1", "iso_ir_100", "l1", "latin", "latin1"], Latin1),
    (&["utf_8", "cp65001", "u8", "utf", "utf8"], Utf8),
    (&["utf_8_sig"], Utf8Sig),
    (&["utf_16", "u16", "utf16"], Utf16(None)),
    (&["utf_16_be", "utf_16be"], Utf16(Some(true))),
    (&["utf_16_le", "utf_16le"], Utf16(Some(false))),
    (&["utf_32", "u32", "utf32"], Utf32(None)),
    (&["utf_32_be", "utf_32be"], Utf32(Some(true))),
    (&["utf_32_le", "utf_32le"], Utf32(Some(false))),
    (&["cp1250", "1250", "windows_1250"], windows(&WINDOWS_1250)),
    (&["cp1251", "1251", "windows_1251"], windows(&WINDOWS_1251)),
    (&["cp1252", "1252", "windows_1252"], windows(&WINDOWS_1252)),
    (&["cp1253", "1253", "windows_1253"], windows(&WINDOWS_1253)),
    (&["cp1254", "1254", "windows_1254"], windows(&WINDOWS_1254)),
    // Microsoft's table leaves 0xCA undefined; WHATWG has U+05BA (HEBREW POINT HOLAM HASER FOR VAV).
    (&["cp1255", "1255", "windows_1255"], Codec::SingleByte(CodePage { encoding: &WINDOWS_1255, c1: C1::Undefined, patches: &[(0xCA, None)] })),
    (&["cp1256", "1256", "windows_1256"], windows(&WINDOWS_1256)),
    (&["cp1257", "1257", "windows_1257"], windows(&WINDOWS_1257)),
    (&["cp1258", "1258", "windows_1258"], windows(&WINDOWS_1258)),
    (&["cp874", "874", "windows_874"], windows(&WINDOWS_874)),
    (&["iso8859_2", "iso_8859_2", "l2", "latin2"], iso(&ISO_8859_2)),
    (&["iso8859_3", "iso_8859_3", "l3", "latin3"], iso(&ISO_8859_3)),
    (&["iso8859_4", "iso_8859_4", "l4", "latin4"], iso(&ISO_8859_4)),
    (&["iso8859_5", "cyrillic", "iso_8859_5"], iso(&ISO_8859_5)),
    (&["iso8859_6", "arabic", "iso_8859_6"], iso(&ISO_8859_6)),
    (&["iso8859_7", "greek", "greek8", "iso_8859_7"], iso(&ISO_8859_7)),
    (&["iso8859_8", "hebrew", "iso_8859_8"], iso(&ISO_8859_8)),
    // ISO 8859-9 is windows-1254 from 0xA0 up (WHATWG decodes the label as windows-1254).
    (&["iso8859_9", "iso_8859_9", "l5", "latin5"], iso(&WINDOWS_1254)),
    (&["iso8859_10", "iso_8859_10", "l6", "latin6"], iso(&ISO_8859_10)),
    // ISO 8859-11 is windows-874 from 0xA0 up (WHATWG decodes the label as windows-874).
    (&["iso8859_11", "iso_8859_11", "thai"], iso(&WINDOWS_874)),
    (&["iso8859_13", "iso_8859_13", "l7", "latin7"], iso(&ISO_8859_13)),
    (&["iso8859_14", "iso_8859_14", "l8", "latin8"], iso(&ISO_8859_14)),
    (&["iso8859_15", "iso_8859_15", "l9", "latin9"], iso(&ISO_8859_15)),
    (&["iso8859_16", "iso_8859_16", "l10", "latin10"], iso(&ISO_8859_16)),
    // TIS 620 is ISO 8859-11 without NO-BREAK SPACE at 0xA0.
    (&["tis_620", "tis620"], Codec::SingleByte(CodePage { encoding: &WINDOWS_874, c1: C1::Controls, patches: &[(0xA0, None)] })),
    (&["koi8_r", "cskoi8r"], page(&KOI8_R, &[])),
    // WHATWG's KOI8-U is KOI8-RU; RFC 2319's KOI8-U has box drawings at 0xAE and 0xBE.
    (&["koi8_u"], page(&KOI8_U, &[(0xAE, Some('\u{255D}')), (0xBE, Some('\u{256C}'))])),
    (&["cp866", "866", "csibm866", "ibm866"], page(&IBM866, &[])),
    (&["mac_roman", "macintosh", "macroman"], page(&MACINTOSH, &[])),
    (&["mac_cyrillic", "maccyrillic"], page(&X_MAC_CYRILLIC, &[])),
    (&["big5", "big5_tw", "csbig5"], MultiByte(&BIG5)),
    (&["big5hkscs", "big5_hkscs", "hkscs"], MultiByte(&BIG5)),
    (&["cp932", "932", "ms932", "ms_kanji", "mskanji", "windows_31j"], MultiByte(&SHIFT_JIS)),
    (&["cp949", "949", "ms949", "uhc"], MultiByte(&EUC_KR)),
    (&["cp950", "950", "ms950"], MultiByte(&BIG5)),
    (&["euc_jp", "eucjp", "u_jis", "ujis"], MultiByte(&EUC_JP)),
    (&["euc_kr", "euckr", "korean", "ks_c_5601", "ks_c_5601_1987", "ksc5601", "ksx1001"], MultiByte(&EUC_KR)),
    (&["gb18030", "gb18030_2000"], MultiByte(&GB18030)),
    (&["gb2312", "chinese", "euc_cn", "euccn", "gb2312_1980", "gb2312_80"], MultiByte(&GBK)),
    (&["gbk", "936", "cp936", "ms936"], MultiByte(&GBK)),
    (&["iso2022_jp", "csiso2022jp", "iso2022jp", "iso_2022_jp"], MultiByte(&ISO_2022_JP)),
    (&["shift_jis", "csshiftjis", "s_jis", "shiftjis", "sjis"], MultiByte(&SHIFT_JIS)),
    (&["base64_codec", "base64", "base_64"], NotText),
    (&["bz2_codec", "bz2"], NotText),
    (&["hex_codec", "hex"], NotText),
    (&["quopri_codec", "quopri", "quoted_printable", "quotedprintable"], NotText),
    (&["rot_13", "rot13"], NotText),
    (&["uu_codec", "uu"], NotText),
    (&["zlib_codec", "zip", "zlib"], NotText),
];

/// The codec `name` resolves to, with its module name. As in `codecs.lookup`, a name with a `.`
/// that is not found is tried again with `_` for `.`, among the aliases only.
fn lookup(name: &str) -> Option<(&'static str, Codec)> {
    let key = normalize_encoding(name);
    let find = |key: &str, skip: usize| {
        CODECS
            .iter()
            .find(|(names, _)| names.iter().skip(skip).any(|n| *n == key))
            .and_then(|&(names, codec)| Some((*names.first()?, codec)))
    };
    find(&key, 0).or_else(|| {
        if key.contains('.') {
            find(&key.replace('.', "_"), 1)
        } else {
            None
        }
    })
}

/// ASCII lower case, with every run of characters other than ASCII letters, digits and `.` made
/// one `_` (none at either end): `--Latin  1--` is `latin_1`.
fn normalize_encoding(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut gap = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if gap && !out.is_empty() {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
            gap = false;
        } else {
            gap = true;
        }
    }
    out
}

/// Decodes `body` with the codec called `name`; the error is CPython's `SyntaxError` message.
pub(super) fn decode(name: &str, body: &[u8]) -> Result<String, String> {
    let Some((module, codec)) = lookup(name) else {
        return Err(format!("unknown encoding: {name}"));
    };
    match codec {
        Ascii => decode_ascii(body),
        Latin1 => Ok(body.iter().map(|&b| char::from(b)).collect()),
        Utf8 => decode_utf8(body),
        Utf8Sig => decode_utf8(body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body)),
        Utf16(order) => decode_utf16(body, order),
        Utf32(order) => decode_utf32(body, order),
        Codec::SingleByte(code_page) => code_page.decode(body),
        MultiByte(encoding) => decode_multibyte(module, encoding, body),
        NotText => Err(format!(
            "'{name}' is not a text encoding; use codecs.decode() to handle arbitrary codecs"
        )),
    }
}

impl CodePage {
    /// The characters of bytes 0x80..=0xFF, `None` where undefined.
    fn high_half(&self) -> [Option<char>; 128] {
        let mut table = [None; 128];
        for (slot, byte) in table.iter_mut().zip(0x80..=0xFF_u8) {
            let indexed = self
                .encoding
                .decode_without_bom_handling_and_without_replacement(&[byte])
                .and_then(|s| s.chars().next());
            *slot = match self.c1 {
                C1::Controls if byte <= 0x9F => Some(char::from(byte)),
                C1::Undefined if indexed.is_some_and(|c| ('\u{80}'..='\u{9F}').contains(&c)) => {
                    None
                }
                _ => indexed,
            };
        }
        for &(byte, c) in self.patches {
            if let Some(slot) = table.get_mut(usize::from(byte).wrapping_sub(0x80)) {
                *slot = c;
            }
        }
        table
    }

    /// Decodes as Python's `codecs.charmap_decode` does.
    fn decode(&self, body: &[u8]) -> Result<String, String> {
        let high = self.high_half();
        let mut out = String::with_capacity(body.len());
        for (at, &b) in body.iter().enumerate() {
            let c = match usize::from(b).checked_sub(0x80) {
                None => Some(char::from(b)),
                Some(k) => high.get(k).copied().flatten(),
            };
            let Some(c) = c else {
                let reason = "character maps to <undefined>";
                return Err(decode_error("charmap", body, at, at + 1, reason));
            };
            out.push(c);
        }
        Ok(out)
    }
}

/// `UnicodeDecodeError`'s message for `bytes[start..end]`.
fn decode_error(codec: &str, bytes: &[u8], start: usize, end: usize, reason: &str) -> String {
    if end <= start + 1 {
        let byte = bytes.get(start).copied().unwrap_or(0);
        format!("'{codec}' codec can't decode byte 0x{byte:02x} in position {start}: {reason}")
    } else {
        format!(
            "'{codec}' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        )
    }
}

fn decode_ascii(body: &[u8]) -> Result<String, String> {
    match body.iter().position(|&b| b >= 0x80) {
        Some(at) => Err(decode_error(
            "ascii",
            body,
            at,
            at + 1,
            "ordinal not in range(128)",
        )),
        None => Ok(body.iter().map(|&b| b as char).collect()),
    }
}

fn decode_utf8(body: &[u8]) -> Result<String, String> {
    match std::str::from_utf8(body) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => {
            let start = e.valid_up_to();
            let (end, reason) = match e.error_len() {
                None => (body.len(), "unexpected end of data"),
                Some(len) => {
                    let lead = body[start];
                    let bad_start = (0x80..=0xC1).contains(&lead) || lead >= 0xF5;
                    let reason = if bad_start {
                        "invalid start byte"
                    } else {
                        "invalid continuation byte"
                    };
                    (start + len, reason)
                }
            };
            Err(decode_error("utf-8", body, start, end, reason))
        }
    }
}

fn decode_multibyte(
    codec: &str,
    encoding: &'static Encoding,
    body: &[u8],
) -> Result<String, String> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(body.len())
        .unwrap_or(0);
    let mut out = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(body, &mut out, true);
    match result {
        encoding_rs::DecoderResult::InputEmpty => Ok(out),
        encoding_rs::DecoderResult::Malformed(bad, extra) => {
            let end = read.saturating_sub(usize::from(extra));
            let start = end.saturating_sub(usize::from(bad));
            let reason = if end >= body.len() {
                "incomplete multibyte sequence"
            } else {
                "illegal multibyte sequence"
            };
            Err(decode_error(codec, body, start, start + 1, reason))
        }
        encoding_rs::DecoderResult::OutputFull => Err(format!("unknown encoding: {codec}")),
    }
}

/// `utf-16` (a BOM picks the byte order, little-endian without one), `utf-16-le`, `utf-16-be`.
fn decode_utf16(body: &[u8], order: Option<bool>) -> Result<String, String> {
    let (big, mut at) = match order {
        Some(big) => (big, 0),
        None if body.starts_with(b"\xFF\xFE") => (false, 2),
        None if body.starts_with(b"\xFE\xFF") => (true, 2),
        None => (false, 0),
    };
    let codec = if big { "utf-16-be" } else { "utf-16-le" };
    let unit = |k: usize| -> Option<u16> {
        let pair = [*body.get(k)?, *body.get(k + 1)?];
        Some(if big {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        })
    };
    let mut out = String::with_capacity(body.len() / 2);
    while at < body.len() {
        let Some(u) = unit(at) else {
            return Err(decode_error(codec, body, at, body.len(), "truncated data"));
        };
        match u {
            0xD800..=0xDBFF => match unit(at + 2) {
                Some(low @ 0xDC00..=0xDFFF) => {
                    let cp = 0x10000 + ((u32::from(u) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
                    out.push(char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER));
                    at += 4;
                }
                Some(_) => {
                    return Err(decode_error(
                        codec,
                        body,
                        at,
                        at + 2,
                        "illegal UTF-16 surrogate",
                    ));
                }
                None => {
                    return Err(decode_error(
                        codec,
                        body,
                        at,
                        body.len(),
                        "unexpected end of data",
                    ));
                }
            },
            0xDC00..=0xDFFF => {
                return Err(decode_error(codec, body, at, at + 2, "illegal encoding"))
            }
            _ => {
                out.push(char::from_u32(u32::from(u)).unwrap_or(char::REPLACEMENT_CHARACTER));
                at += 2;
            }
        }
    }
    Ok(out)
}

/// `utf-32` (a BOM picks the byte order, little-endian without one), `utf-32-le`, `utf-32-be`.
fn decode_utf32(body: &[u8], order: Option<bool>) -> Result<String, String> {
    let (big, mut at) = match order {
        Some(big) => (big, 0),
        None if body.starts_with(b"\xFF\xFE\x00\x00") => (false, 4),
        None if body.starts_with(b"\x00\x00\xFE\xFF") => (true, 4),
        None => (false, 0),
    };
    let codec = if big { "utf-32-be" } else { "utf-32-le" };
    let mut out = String::with_capacity(body.len() / 4);
    while at < body.len() {
        let Some(quad) = body.get(at..at + 4) else {
            return Err(decode_error(codec, body, at, body.len(), "truncated data"));
        };
        let word = [quad[0], quad[1], quad[2], quad[3]];
        let cp = if big {
            u32::from_be_bytes(word)
        } else {
            u32::from_le_bytes(word)
        };
        match char::from_u32(cp) {
            Some(c) => out.push(c),
            None if cp > 0x10FFFF => {
                let reason = "code point not in range(0x110000)";
                return Err(decode_error(codec, body, at, at + 4, reason));
            }
            None => {
                let reason = "code point in surrogate code point range(0xd800, 0xe000)";
                return Err(decode_error(codec, body, at, at + 4, reason));
            }
        }
        at += 4;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_resolve_like_codecs_lookup() {
        let module = |name| lookup(name).map(|(module, _)| module);
        assert_eq!(module("latin1"), Some("latin_1"));
        assert_eq!(module("ISO8859-15"), Some("iso8859_15"));
        assert_eq!(module("iso_8859_15"), Some("iso8859_15"));
        assert_eq!(module("Latin9"), Some("iso8859_15"));
        assert_eq!(module("latin-9"), None);
        assert_eq!(module("Shift-JIS"), Some("shift_jis"));
        assert_eq!(module("utf8"), Some("utf_8"));
        assert_eq!(module("U8"), Some("utf_8"));
        assert_eq!(module("windows-1252"), Some("cp1252"));
        assert_eq!(module("koi8_r"), Some("koi8_r"));
        assert_eq!(module("rot13"), Some("rot_13"));
        assert_eq!(module("ANSI_X3.4-1968"), Some("ascii"));
        assert_eq!(module("windows.1252"), Some("cp1252"));
        assert_eq!(module("us.ascii"), Some("ascii"));
        // Module names are not retried with `_` for `.` (CPython: LookupError).
        assert_eq!(module("utf.8"), None);
        assert_eq!(module("latin.1"), None);
        assert_eq!(module("uft-8"), None);
        assert_eq!(module("iso8859-1.x"), None);
        // Codecs CPython has and protopy does not.
        assert_eq!(module("cp037"), None);
        assert_eq!(module("utf-7"), None);
        assert_eq!(normalize_encoding("--Latin  1--"), "latin_1");
        assert_eq!(normalize_encoding("ISO_8859-1.x"), "iso_8859_1.x");
    }

    #[test]
    fn names_are_normalized_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for (names, _) in CODECS {
            assert!(!names.is_empty());
            for name in *names {
                assert_eq!(normalize_encoding(name), *name);
                assert!(seen.insert(*name), "{name} listed twice");
            }
        }
    }

    #[test]
    fn code_pages_are_as_strict_as_cpython() {
        // Each from CPython 3.14's `bytes([b]).decode(name)`; `None` is a UnicodeDecodeError.
        let cases: &[(&str, u8, Option<char>)] = &[
            ("cp1252", 0x80, Some('\u{20AC}')),
            ("cp1252", 0x81, None),
            ("cp1252", 0x9D, None),
            ("cp1251", 0x98, None),
            ("cp1253", 0xAA, None),
            ("cp1255", 0xCA, None),
            ("cp1255", 0xC9, Some('\u{05B9}')),
            ("cp874", 0x80, Some('\u{20AC}')),
            ("cp874", 0x81, None),
            ("cp874", 0xDB, None),
            ("latin-1", 0x80, Some('\u{80}')),
            ("latin-1", 0xFF, Some('\u{FF}')),
            ("iso8859-3", 0xA5, None),
            ("iso8859-9", 0x80, Some('\u{80}')),
            ("iso8859-9", 0xD0, Some('\u{011E}')),
            ("iso8859-11", 0x85, Some('\u{85}')),
            ("iso8859-11", 0xA0, Some('\u{A0}')),
            ("iso8859-11", 0xA1, Some('\u{0E01}')),
            ("tis-620", 0xA0, None),
            ("tis-620", 0xA1, Some('\u{0E01}')),
            ("koi8-u", 0xA4, Some('\u{0454}')),
            ("koi8-u", 0xAE, Some('\u{255D}')),
            ("koi8-u", 0xBE, Some('\u{256C}')),
            ("mac-roman", 0xF0, Some('\u{F8FF}')),
            ("ascii", 0x7F, Some('\u{7F}')),
        ];
        for &(name, byte, expected) in cases {
            let got = decode(name, &[b'a', byte]);
            match expected {
                Some(c) => assert_eq!(got, Ok(format!("a{c}")), "{name} {byte:#x}"),
                None => assert!(
                    got.as_ref().is_err_and(|e| e.ends_with(&format!(
                        "can't decode byte 0x{byte:02x} in position 1: character maps to <undefined>"
                    ))),
                    "{name} {byte:#x}: {got:?}"
                ),
            }
        }
    }

    #[test]
    fn decode_errors_like_cpython() {
        // Messages from CPython 3.14's `bytes.decode`.
        let utf8 = |b: &[u8]| decode_utf8(b).err();
        assert_eq!(
            utf8(b"ab\x80"),
            Some("'utf-8' codec can't decode byte 0x80 in position 2: invalid start byte".into())
        );
        assert_eq!(
            utf8(b"ab\xc3("),
            Some(
                "'utf-8' codec can't decode byte 0xc3 in position 2: invalid continuation byte"
                    .into()
            )
        );
        assert_eq!(
            utf8(b"ab\xe2\x82"),
            Some("'utf-8' codec can't decode bytes in position 2-3: unexpected end of data".into())
        );
        assert_eq!(
            utf8(b"ab\xf0\x9f\x98x"),
            Some(
                "'utf-8' codec can't decode bytes in position 2-4: invalid continuation byte"
                    .into()
            )
        );
        assert_eq!(
            utf8(b"ab\xed\xa0\x80"),
            Some(
                "'utf-8' codec can't decode byte 0xed in position 2: invalid continuation byte"
                    .into()
            )
        );
        assert_eq!(
            utf8(b"ab\xc3"),
            Some(
                "'utf-8' codec can't decode byte 0xc3 in position 2: unexpected end of data".into()
            )
        );
        let u16 = |b: &[u8], o| decode_utf16(b, o).map_err(|e| e.to_string());
        assert_eq!(
            u16(b"a\x00b", None),
            Err("'utf-16-le' codec can't decode byte 0x62 in position 2: truncated data".into())
        );
        assert_eq!(
            u16(b"a\x00\x00\xd8", None),
            Err(
                "'utf-16-le' codec can't decode bytes in position 2-3: unexpected end of data"
                    .into()
            )
        );
        assert_eq!(
            u16(b"\x00\xdc\x00a", Some(false)),
            Err("'utf-16-le' codec can't decode bytes in position 0-1: illegal encoding".into())
        );
        assert_eq!(
            u16(b"\x00\xd8a\x00", None),
            Err(
                "'utf-16-le' codec can't decode bytes in position 0-1: illegal UTF-16 surrogate"
                    .into()
            )
        );
        assert_eq!(u16(b"\x00\xd8\x00\xdc", None), Ok("\u{10000}".into()));
        assert_eq!(u16(b"\x00\xdc\x00a", Some(true)), Ok("\u{dc}a".into()));
        let u32_ = |b: &[u8], o| decode_utf32(b, o);
        assert_eq!(
            u32_(b"a\x00\x00\x00b", None),
            Err("'utf-32-le' codec can't decode byte 0x62 in position 4: truncated data".into())
        );
        assert_eq!(
            u32_(b"\x00\x00\x11\x00", None),
            Err("'utf-32-le' codec can't decode bytes in position 0-3: code point not in range(0x110000)"
                .into())
        );
        assert_eq!(
            u32_(b"\x00\xd8\x00\x00", None),
            Err("'utf-32-le' codec can't decode bytes in position 0-3: code point in surrogate code \
                 point range(0xd800, 0xe000)"
                .into())
        );
        assert_eq!(u32_(b"\xff\xfe\x00\x00a\x00\x00\x00", None), Ok("a".into()));
        assert_eq!(
            decode("cp1252", b"ab\x81"),
            Err("'charmap' codec can't decode byte 0x81 in position 2: character maps to <undefined>"
                .into())
        );
        assert_eq!(decode("cp1252", b"\x80"), Ok("\u{20ac}".into()));
    }
}
