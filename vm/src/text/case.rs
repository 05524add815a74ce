//! Case conversion and the `is*` predicates of `str`. Mirrors Objects/unicodeobject.c (`do_upper`,
//! `do_lower`, `do_casefold`, `do_title`, `do_capitalize`, `do_swapcase`, `handle_capital_sigma`,
//! `unicode_islower_impl`, ...).

use protopy_compiler::pystr::PyStr;

use super::unicode::{self as uc, Mapping};

/// The string as ASCII bytes, when it is ASCII.
fn ascii(s: &PyStr) -> Option<&[u8]> {
    let b = s.as_bytes();
    b.is_ascii().then_some(b)
}

fn from_ascii(bytes: Vec<u8>) -> PyStr {
    // ASCII is always UTF-8.
    PyStr::from(String::from_utf8_lossy(&bytes).into_owned())
}

fn push(out: &mut PyStr, m: Mapping) {
    for &cp in m.as_slice() {
        out.push_code_point(cp);
    }
}

/// The lowercase of `cps[i]` inside its string: U+03A3 becomes final sigma (U+03C2) after a cased
/// letter (skipping case-ignorables) when no cased letter follows (skipping case-ignorables).
fn lower_in_context(cps: &[u32], i: usize) -> Mapping {
    if cps[i] != 0x3A3 {
        return uc::to_lower_full(cps[i]);
    }
    let before = cps[..i].iter().rev().find(|&&c| !uc::is_case_ignorable(c));
    let mut final_sigma = before.is_some_and(|&c| uc::is_cased(c));
    if final_sigma {
        let after = cps[i + 1..].iter().find(|&&c| !uc::is_case_ignorable(c));
        final_sigma = !after.is_some_and(|&c| uc::is_cased(c));
    }
    uc::to_lower_full(if final_sigma { 0x3C2 } else { 0x3C3 })
}

/// `str.upper()`.
pub fn upper(s: &PyStr) -> PyStr {
    if let Some(b) = ascii(s) {
        return from_ascii(b.to_ascii_uppercase());
    }
    let mut out = PyStr::with_capacity(s.as_bytes().len());
    s.code_points()
        .for_each(|c| push(&mut out, uc::to_upper_full(c)));
    out
}

/// `str.lower()`, with the final sigma rule.
pub fn lower(s: &PyStr) -> PyStr {
    if let Some(b) = ascii(s) {
        return from_ascii(b.to_ascii_lowercase());
    }
    let cps: Vec<u32> = s.code_points().collect();
    let mut out = PyStr::with_capacity(s.as_bytes().len());
    (0..cps.len()).for_each(|i| push(&mut out, lower_in_context(&cps, i)));
    out
}

/// `str.casefold()`: full case folding (no final sigma: U+03A3 folds to U+03C3).
pub fn casefold(s: &PyStr) -> PyStr {
    if let Some(b) = ascii(s) {
        return from_ascii(b.to_ascii_lowercase());
    }
    let mut out = PyStr::with_capacity(s.as_bytes().len());
    s.code_points()
        .for_each(|c| push(&mut out, uc::to_folded_full(c)));
    out
}

/// `str.title()`: titlecase after an uncased character, lowercase after a cased one.
pub fn title(s: &PyStr) -> PyStr {
    let cps: Vec<u32> = s.code_points().collect();
    let mut out = PyStr::with_capacity(s.as_bytes().len());
    let mut previous_is_cased = false;
    for (i, &c) in cps.iter().enumerate() {
        let m = if previous_is_cased {
            lower_in_context(&cps, i)
        } else {
            uc::to_title_full(c)
        };
        push(&mut out, m);
        previous_is_cased = uc::is_cased(c);
    }
    out
}

/// `str.capitalize()`: the first character titlecased (since 3.8), the rest lowercased.
pub fn capitalize(s: &PyStr) -> PyStr {
    let cps: Vec<u32> = s.code_points().collect();
    let mut out = PyStr::with_capacity(s.as_bytes().len());
    for i in 0..cps.len() {
        let m = if i == 0 {
            uc::to_title_full(cps[0])
        } else {
            lower_in_context(&cps, i)
        };
        push(&mut out, m);
    }
    out
}

/// `str.swapcase()`: uppercase characters lowercased, lowercase ones uppercased.
pub fn swapcase(s: &PyStr) -> PyStr {
    let cps: Vec<u32> = s.code_points().collect();
    let mut out = PyStr::with_capacity(s.as_bytes().len());
    for (i, &c) in cps.iter().enumerate() {
        if uc::is_upper(c) {
            push(&mut out, lower_in_context(&cps, i));
        } else if uc::is_lower(c) {
            push(&mut out, uc::to_upper_full(c));
        } else {
            out.push_code_point(c);
        }
    }
    out
}

/// Whether the string is non-empty and every code point satisfies `pred`.
fn all_nonempty(s: &PyStr, pred: impl Fn(u32) -> bool) -> bool {
    !s.is_empty() && s.code_points().all(pred)
}

/// `str.isalpha()`.
pub fn isalpha(s: &PyStr) -> bool {
    all_nonempty(s, uc::is_alpha)
}

/// `str.isalnum()`.
pub fn isalnum(s: &PyStr) -> bool {
    all_nonempty(s, uc::is_alnum)
}

/// `str.isdecimal()`.
pub fn isdecimal(s: &PyStr) -> bool {
    all_nonempty(s, uc::is_decimal)
}

/// `str.isdigit()`.
pub fn isdigit(s: &PyStr) -> bool {
    all_nonempty(s, uc::is_digit)
}

/// `str.isnumeric()`.
pub fn isnumeric(s: &PyStr) -> bool {
    all_nonempty(s, uc::is_numeric)
}

/// `str.isspace()`.
pub fn isspace(s: &PyStr) -> bool {
    all_nonempty(s, uc::is_space)
}

/// `str.isascii()` (true for the empty string).
pub fn isascii(s: &PyStr) -> bool {
    s.as_bytes().is_ascii()
}

/// `str.isprintable()` (true for the empty string).
pub fn isprintable(s: &PyStr) -> bool {
    s.code_points().all(uc::is_printable)
}

/// `str.isidentifier()`: `_` or XID_Start, then XID_Continue (no NFKC normalization).
pub fn isidentifier(s: &PyStr) -> bool {
    let mut cps = s.code_points();
    match cps.next() {
        Some(first) if first == u32::from(b'_') || uc::is_xid_start(first) => {
            cps.all(uc::is_xid_continue)
        }
        _ => false,
    }
}

/// `str.islower()`: some cased character, and no uppercase or titlecase one.
pub fn islower(s: &PyStr) -> bool {
    let mut cased = false;
    for c in s.code_points() {
        if uc::is_upper(c) || uc::is_titlecase(c) {
            return false;
        }
        cased |= uc::is_lower(c);
    }
    cased
}

/// `str.isupper()`: some cased character, and no lowercase or titlecase one.
pub fn isupper(s: &PyStr) -> bool {
    let mut cased = false;
    for c in s.code_points() {
        if uc::is_lower(c) || uc::is_titlecase(c) {
            return false;
        }
        cased |= uc::is_upper(c);
    }
    cased
}

/// `str.istitle()`: uppercase and titlecase characters only after uncased ones, lowercase only
/// after cased ones, and at least one cased character.
pub fn istitle(s: &PyStr) -> bool {
    let mut cased = false;
    let mut previous_is_cased = false;
    for c in s.code_points() {
        if uc::is_upper(c) || uc::is_titlecase(c) {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if uc::is_lower(c) {
            if !previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    cased
}
