//! `str.translate` and the pure parts of `str.maketrans`. Mirrors Objects/unicodeobject.c
//! (`_PyUnicode_TranslateCharmap`, `unicode_maketrans_impl`); looking up the table (any object
//! with `__getitem__`) is the interpreter's part, passed in as a closure.

use protopy_compiler::pystr::PyStr;

use super::error::{ExcKind, TextError};

/// What the table gives for a code point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Translation {
    /// `LookupError` (or `IndexError`) from the table: the character stays.
    Keep,
    /// `None`: the character is deleted.
    Delete,
    /// An integer, already checked with [`mapping_code_point`].
    CodePoint(u32),
    /// A string.
    Str(PyStr),
}

/// `str.translate(table)`: `lookup` maps each code point; its errors (a Python exception raised
/// by the table) stop the translation.
pub fn translate<E>(
    s: &PyStr,
    mut lookup: impl FnMut(u32) -> Result<Translation, E>,
) -> Result<PyStr, E> {
    let mut out = PyStr::with_capacity(s.as_bytes().len());
    for cp in s.code_points() {
        match lookup(cp)? {
            Translation::Keep => out.push_code_point(cp),
            Translation::Delete => {}
            Translation::CodePoint(c) => out.push_code_point(c),
            Translation::Str(r) => out.push_pystr(&r),
        }
    }
    Ok(out)
}

/// Checks an integer a translation table returned.
pub fn mapping_code_point(value: i64) -> Result<u32, TextError> {
    u32::try_from(value)
        .ok()
        .filter(|&v| v < 0x110000)
        .ok_or_else(|| TextError::value("character mapping must be in range(0x110000)"))
}

/// The `TypeError` for a table value that is not an integer, `None` or `str`.
pub fn mapping_type_error() -> TextError {
    TextError::kind_msg(
        ExcKind::TypeError,
        "character mapping must return integer, None or str",
    )
}

/// `str.maketrans(x, y[, z])`: the dict's items in insertion order (later duplicates overwrite
/// earlier ones, as dict assignment does); `None` for the characters of `z`.
pub fn maketrans(
    x: &PyStr,
    y: &PyStr,
    z: Option<&PyStr>,
) -> Result<Vec<(u32, Option<u32>)>, TextError> {
    let xs: Vec<u32> = x.code_points().collect();
    let ys: Vec<u32> = y.code_points().collect();
    if xs.len() != ys.len() {
        return Err(TextError::value(
            "the first two maketrans arguments must have equal length",
        ));
    }
    let mut items: Vec<(u32, Option<u32>)> =
        xs.into_iter().zip(ys).map(|(k, v)| (k, Some(v))).collect();
    if let Some(z) = z {
        items.extend(z.code_points().map(|k| (k, None)));
    }
    Ok(items)
}

/// A `str` key of the dict given alone to `str.maketrans`: it must be one character.
pub fn maketrans_key(key: &PyStr) -> Result<u32, TextError> {
    let mut cps = key.code_points();
    match (cps.next(), cps.next()) {
        (Some(cp), None) => Ok(cp),
        _ => Err(TextError::value(
            "string keys in translatetable must be of length 1",
        )),
    }
}

/// The `TypeError` for a key of `str.maketrans`'s dict that is neither `str` nor `int`.
pub fn maketrans_key_type_error() -> TextError {
    TextError::kind_msg(
        ExcKind::TypeError,
        "keys in translate table mustbe strings or integers",
    )
}

/// The `TypeError` for a single argument to `str.maketrans` that is not a dict.
pub fn maketrans_arg_error() -> TextError {
    TextError::kind_msg(
        ExcKind::TypeError,
        "if you give only one argument to maketrans it must be a dict",
    )
}
