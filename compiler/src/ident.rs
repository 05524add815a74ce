//! Identifiers: which characters may start or continue one, NFKC normalization (PEP 3131), and
//! `str.isprintable`'s character rule. Mirrors `_PyUnicode_ScanIdentifier` (Objects/unicodeobject.c),
//! `_PyPegen_new_identifier` (Parser/pegen.c) and `_PyUnicode_IsPrintable` (Objects/unicodectype.c),
//! all on CPython 3.14's Unicode 16.0 data.

use std::borrow::Cow;

use unicode_general_category::{get_general_category, GeneralCategory};
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// Whether `c` is a character of Unicode 16.0, the version CPython 3.14 uses. The identifier
/// tables of `unicode-ident` are newer; filtering out what 16.0 leaves unassigned gives 3.14's sets.
fn assigned_in_unicode_16(c: char) -> bool {
    get_general_category(c) != GeneralCategory::Unassigned
}

/// Whether `c` may start an identifier: `_` or XID_Start.
pub fn is_id_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '_';
    }
    unicode_ident::is_xid_start(c) && assigned_in_unicode_16(c)
}

/// Whether `c` may continue an identifier: XID_Continue.
pub fn is_id_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    unicode_ident::is_xid_continue(c) && assigned_in_unicode_16(c)
}

/// NFKC-normalizes an identifier (PEP 3131); borrowed when already normal (always for ASCII).
pub fn normalize(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    if is_nfkc_quick(s.chars()) == IsNormalized::Yes {
        return Cow::Borrowed(s);
    }
    let normal: String = s.nfkc().collect();
    if normal == s {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(normal)
    }
}

/// `str.isprintable` for one character (what `repr` leaves unescaped): everything except the
/// general categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs, though the ASCII space is printable.
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    use GeneralCategory as G;
    !matches!(
        get_general_category(c),
        G::Control
            | G::Format
            | G::Surrogate
            | G::PrivateUse
            | G::Unassigned
            | G::LineSeparator
            | G::ParagraphSeparator
            | G::SpaceSeparator
    )
}

/// [`is_printable`] for any code point; surrogates (which `char` cannot hold) are not printable.
pub fn is_printable_code_point(cp: u32) -> bool {
    char::from_u32(cp).is_some_and(is_printable)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_identifiers() {
        assert!(is_id_start('_') && is_id_start('a') && is_id_start('Z'));
        assert!(!is_id_start('1') && !is_id_start('$') && !is_id_start(' '));
        assert!(is_id_continue('1') && is_id_continue('_'));
        assert!(!is_id_continue('-') && !is_id_continue('`'));
    }

    #[test]
    fn unicode_identifiers_as_cpython_3_14() {
        // Values from `('x' + c).isidentifier()` / `c.isidentifier()` on CPython 3.14.
        assert!(is_id_start('é') && is_id_start('ª') && is_id_start('℘') && is_id_start('℮'));
        assert!(is_id_start('\u{1885}') && is_id_continue('\u{00B7}') && !is_id_start('\u{00B7}'));
        assert!(is_id_continue('\u{0301}') && !is_id_start('\u{0301}'));
        assert!(!is_id_start('\u{2E2F}') && !is_id_continue('\u{2E2F}'));
        assert!(is_id_continue('٣') && !is_id_start('٣'));
        assert!(!is_id_start('😀') && !is_id_continue('€'));
        // Assigned in Unicode 17.0, unassigned in 16.0 (so not an identifier in 3.14).
        assert!(!is_id_start('\u{1E6C0}'));
        // Unicode 16.0 additions are accepted.
        assert!(is_id_start('\u{1C89}') && is_id_start('\u{10D4A}'));
    }

    #[test]
    fn normalizes_like_cpython() {
        assert!(matches!(normalize("abc"), Cow::Borrowed("abc")));
        assert!(matches!(normalize("é"), Cow::Borrowed("é")));
        assert_eq!(normalize("ﬁ"), "fi");
        assert_eq!(normalize("ℌ"), "H");
        assert_eq!(normalize("e\u{301}"), "é");
        assert_eq!(normalize("𝔘𝔫𝔦𝔠𝔬𝔡𝔢"), "Unicode");
        assert_eq!(normalize("ª"), "a");
    }

    #[test]
    fn printable_like_str_isprintable() {
        assert!(is_printable(' ') && is_printable('a') && is_printable('é') && is_printable('😀'));
        for c in [
            '\0', '\n', '\x7f', '\u{85}', '\u{a0}', '\u{ad}', '\u{2028}', '\u{2029}',
        ] {
            assert!(!is_printable(c), "{c:?}");
        }
        for c in ['\u{3000}', '\u{feff}', '\u{e000}', '\u{378}', '\u{10ffff}'] {
            assert!(!is_printable(c), "{c:?}");
        }
        assert!(!is_printable_code_point(0xD800));
        assert!(is_printable_code_point(0x41));
    }

    /// Compares every code point with CPython 3.14: run with `PROTOPY_CHARS=<file> cargo test --
    /// --ignored`, the file holding `hex PSC nfkc-hex...` lines (`P` = `c.isprintable()`, `S` =
    /// `c.isidentifier()`, `C` = `('a' + c).isidentifier()`, then `unicodedata.normalize('NFKC', c)`).
    #[test]
    #[ignore]
    fn every_code_point_like_cpython() {
        let Ok(path) = std::env::var("PROTOPY_CHARS") else {
            return;
        };
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let mut bad = Vec::new();
        for line in text.lines() {
            let mut parts = line.split(' ');
            let (Some(hex), Some(flags)) = (parts.next(), parts.next()) else {
                continue;
            };
            let Some(cp) = u32::from_str_radix(hex, 16).ok() else {
                continue;
            };
            let Some(c) = char::from_u32(cp) else {
                if is_printable_code_point(cp) != (flags.as_bytes()[0] == b'1') {
                    bad.push(format!("{hex} printable"));
                }
                continue;
            };
            let ours = [is_printable(c), is_id_start(c), is_id_continue(c)];
            let theirs: Vec<bool> = flags.bytes().map(|b| b == b'1').collect();
            if ours[..] != theirs[..] {
                bad.push(format!("{hex}: {ours:?} != {theirs:?}"));
            }
            if ours[2] {
                let nfkc: String = parts
                    .filter_map(|h| u32::from_str_radix(h, 16).ok())
                    .filter_map(char::from_u32)
                    .collect();
                if normalize(&c.to_string()) != nfkc {
                    bad.push(format!("{hex}: nfkc"));
                }
            }
        }
        assert!(
            bad.is_empty(),
            "{} differ: {:?}",
            bad.len(),
            &bad[..bad.len().min(30)]
        );
    }
}
