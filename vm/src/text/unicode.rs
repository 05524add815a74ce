//! Character properties and case mappings of single code points, on Unicode 16.0 (the version
//! CPython 3.14 uses). Mirrors Objects/unicodectype.c (`_PyUnicode_IsAlpha`, `_PyUnicode_ToUpperFull`,
//! ...); the data comes from the Unicode Character Database through `tables.rs`.

use super::tables::{ALIASES, BLOCKS, EXPANSIONS, INDEX, NAMED_SEQUENCES, RECORDS, SHIFT};

/// The Unicode version of the tables.
pub const UNICODE_VERSION: (u8, u8, u8) = (16, 0, 0);

/// One row of per-code-point data (`tables.rs` holds the distinct rows).
#[derive(Clone, Copy, Debug)]
pub(super) struct Record {
    pub(super) flags: u16,
    /// Decimal value in the low nibble, digit value in the high nibble; 0xF: none.
    pub(super) digits: u8,
    pub(super) upper: i32,
    pub(super) lower: i32,
    pub(super) title: i32,
    pub(super) fold: i32,
}

// Flag bits, as written by `gen_tables.py`.
const ALPHA: u16 = 1 << 0;
const DECIMAL: u16 = 1 << 1;
const DIGIT: u16 = 1 << 2;
const NUMERIC: u16 = 1 << 3;
const SPACE: u16 = 1 << 4;
const LOWER: u16 = 1 << 5;
const UPPER: u16 = 1 << 6;
const TITLE: u16 = 1 << 7;
const CASED: u16 = 1 << 8;
const CASE_IGNORABLE: u16 = 1 << 9;
const PRINTABLE: u16 = 1 << 10;
const XID_START: u16 = 1 << 11;
const XID_CONTINUE: u16 = 1 << 12;

/// A mapping field with this bit holds `len << 16 | index` into `EXPANSIONS`, not a delta.
const EXT: i32 = 1 << 30;

const NO_RECORD: Record = Record {
    flags: 0,
    digits: 0xFF,
    upper: 0,
    lower: 0,
    title: 0,
    fold: 0,
};

fn record(cp: u32) -> &'static Record {
    let Some(&block) = INDEX.get((cp >> SHIFT) as usize) else {
        return &NO_RECORD;
    };
    let slot = ((block as usize) << SHIFT) | (cp as usize & ((1 << SHIFT) - 1));
    BLOCKS
        .get(slot)
        .and_then(|&r| RECORDS.get(r as usize))
        .unwrap_or(&NO_RECORD)
}

fn has(cp: u32, flag: u16) -> bool {
    record(cp).flags & flag != 0
}

/// `str.isalpha` for one code point: general category L* (Lu, Ll, Lt, Lm, Lo).
pub fn is_alpha(cp: u32) -> bool {
    if cp < 0x80 {
        return (cp as u8).is_ascii_alphabetic();
    }
    has(cp, ALPHA)
}

/// `str.isdecimal`: the character has a decimal digit value (category Nd).
pub fn is_decimal(cp: u32) -> bool {
    if cp < 0x80 {
        return (cp as u8).is_ascii_digit();
    }
    has(cp, DECIMAL)
}

/// `str.isdigit`: the character has a digit value (Numeric_Type Decimal or Digit).
pub fn is_digit(cp: u32) -> bool {
    if cp < 0x80 {
        return (cp as u8).is_ascii_digit();
    }
    has(cp, DIGIT)
}

/// `str.isnumeric`: the character has a numeric value (UnicodeData or Unihan's accounting,
/// other and primary numerics).
pub fn is_numeric(cp: u32) -> bool {
    if cp < 0x80 {
        return (cp as u8).is_ascii_digit();
    }
    has(cp, NUMERIC)
}

/// `str.isalnum` for one code point.
pub fn is_alnum(cp: u32) -> bool {
    if cp < 0x80 {
        return (cp as u8).is_ascii_alphanumeric();
    }
    has(cp, ALPHA | DECIMAL | DIGIT | NUMERIC)
}

/// Python's whitespace (`str.isspace`, `str.split()`, `str.strip()`): bidirectional class WS, B
/// or S, or general category Zs.
pub fn is_space(cp: u32) -> bool {
    if cp < 0x80 {
        return matches!(cp, 0x09..=0x0D | 0x1C..=0x20);
    }
    has(cp, SPACE)
}

/// A line boundary of `str.splitlines` (`\r\n` is handled by the caller).
pub fn is_linebreak(cp: u32) -> bool {
    matches!(
        cp,
        0x0A..=0x0D | 0x1C..=0x1E | 0x85 | 0x2028 | 0x2029
    )
}

/// The derived property Lowercase (`str.islower`).
pub fn is_lower(cp: u32) -> bool {
    if cp < 0x80 {
        return (cp as u8).is_ascii_lowercase();
    }
    has(cp, LOWER)
}

/// The derived property Uppercase (`str.isupper`).
pub fn is_upper(cp: u32) -> bool {
    if cp < 0x80 {
        return (cp as u8).is_ascii_uppercase();
    }
    has(cp, UPPER)
}

/// General category Lt.
pub fn is_titlecase(cp: u32) -> bool {
    cp >= 0x80 && has(cp, TITLE)
}

/// The derived property Cased (the word rule of `str.title` and of final sigma).
pub fn is_cased(cp: u32) -> bool {
    if cp < 0x80 {
        return (cp as u8).is_ascii_alphabetic();
    }
    has(cp, CASED)
}

/// The derived property Case_Ignorable (final sigma's context).
pub fn is_case_ignorable(cp: u32) -> bool {
    has(cp, CASE_IGNORABLE)
}

/// `str.isprintable` for one code point: not in Cc, Cf, Cs, Co, Cn, Zl, Zp or Zs, though the
/// ASCII space is printable.
pub fn is_printable(cp: u32) -> bool {
    if cp < 0x80 {
        return (0x20..0x7F).contains(&cp);
    }
    has(cp, PRINTABLE)
}

/// XID_Start (an identifier's first character, with `_`).
pub fn is_xid_start(cp: u32) -> bool {
    if cp < 0x80 {
        return (cp as u8).is_ascii_alphabetic();
    }
    has(cp, XID_START)
}

/// XID_Continue (an identifier's other characters).
pub fn is_xid_continue(cp: u32) -> bool {
    if cp < 0x80 {
        return (cp as u8).is_ascii_alphanumeric() || cp == u32::from(b'_');
    }
    has(cp, XID_CONTINUE)
}

/// The decimal digit value (category Nd) that `int()` and `float()` accept for the character.
pub fn to_decimal_digit(cp: u32) -> Option<u32> {
    if cp < 0x80 {
        return (cp as u8).is_ascii_digit().then(|| cp - u32::from(b'0'));
    }
    let v = u32::from(record(cp).digits & 0xF);
    (v < 10).then_some(v)
}

/// The digit value (`unicodedata.digit`): decimal digits and others such as superscripts.
pub fn to_digit(cp: u32) -> Option<u32> {
    if cp < 0x80 {
        return to_decimal_digit(cp);
    }
    let v = u32::from(record(cp).digits >> 4);
    (v < 10).then_some(v)
}

/// A full case mapping: one to three code points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mapping {
    cps: [u32; 3],
    len: u8,
}

impl Mapping {
    fn one(cp: u32) -> Self {
        Mapping {
            cps: [cp, 0, 0],
            len: 1,
        }
    }

    fn decode(cp: u32, field: i32) -> Self {
        // Deltas are within ±0x10FFFF, far below `EXT`.
        if field < EXT {
            return Mapping::one(cp.wrapping_add_signed(field));
        }
        let start = (field & 0xFFFF) as usize;
        let len = ((field >> 16) & 0x3) as usize;
        let mut m = Mapping {
            cps: [0; 3],
            len: 0,
        };
        for (slot, &c) in m
            .cps
            .iter_mut()
            .zip(EXPANSIONS.iter().skip(start).take(len))
        {
            *slot = c;
            m.len += 1;
        }
        if m.len == 0 {
            return Mapping::one(cp);
        }
        m
    }

    pub fn as_slice(&self) -> &[u32] {
        &self.cps[..usize::from(self.len)]
    }
}

/// Full uppercase mapping (SpecialCasing's unconditional mappings, else UnicodeData's).
pub fn to_upper_full(cp: u32) -> Mapping {
    if cp < 0x80 {
        return Mapping::one(u32::from((cp as u8).to_ascii_uppercase()));
    }
    Mapping::decode(cp, record(cp).upper)
}

/// Full lowercase mapping, without the context-dependent final sigma (see `case::lower`).
pub fn to_lower_full(cp: u32) -> Mapping {
    if cp < 0x80 {
        return Mapping::one(u32::from((cp as u8).to_ascii_lowercase()));
    }
    Mapping::decode(cp, record(cp).lower)
}

/// Full titlecase mapping.
pub fn to_title_full(cp: u32) -> Mapping {
    if cp < 0x80 {
        return Mapping::one(u32::from((cp as u8).to_ascii_uppercase()));
    }
    Mapping::decode(cp, record(cp).title)
}

/// Full case folding (CaseFolding.txt's C and F entries).
pub fn to_folded_full(cp: u32) -> Mapping {
    if cp < 0x80 {
        return Mapping::one(u32::from((cp as u8).to_ascii_lowercase()));
    }
    Mapping::decode(cp, record(cp).fold)
}

/// The name CPython's `namereplace` handler shows for a private-use code point of plane 15:
/// its name database numbers the name aliases (NameAliases.txt, in file order) from U+F0000 and
/// the named sequences (NamedSequences.txt) from U+F0200, and that handler asks for those too.
pub fn private_use_alias_name(cp: u32) -> Option<&'static str> {
    match cp {
        0xF0000..=0xF01FF => ALIASES.get((cp - 0xF0000) as usize).copied(),
        0xF0200..=0xF03FF => NAMED_SEQUENCES.get((cp - 0xF0200) as usize).copied(),
        _ => None,
    }
}
