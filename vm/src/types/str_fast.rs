//! `str.split(sep)` and `str.join` on the str values' own bytes: no copy of the text into a
//! `PyStr` and back. The common cases only (a non-empty separator; a list or tuple of exact
//! strs); anything else returns None for the general code in `str_methods.rs`.

use protopy_objects::{Kind, StrData, Value};

use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// An exact str's data (subclass instances have their own `__str__`-free paths elsewhere).
fn exact_str(vm: &Vm, v: Value) -> Option<&StrData> {
    matches!(vm.m.kind(v.as_handle()?), Ok(Kind::Str))
        .then(|| vm.str_data(v))
        .flatten()
}

/// `s.split(sep, max)` for an exact str `s` and a non-empty exact str `sep`. Both are
/// generalized UTF-8, where a code point's encoding never starts inside another's, so
/// splitting the bytes at the separator's byte occurrences splits the code points.
pub fn split(vm: &mut Vm, s: Value, sep: Value, max: isize) -> Option<PyResult<Value>> {
    let (text, sep) = (exact_str(vm, s)?.as_bytes(), exact_str(vm, sep)?.as_bytes());
    if sep.is_empty() {
        return None;
    }
    let limit = usize::try_from(max).ok();
    let mut parts = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i + sep.len() <= text.len() {
        if limit.is_some_and(|l| parts.len() >= l) {
            break;
        }
        if text[i..].starts_with(sep) {
            parts.push(&text[start..i]);
            i += sep.len();
            start = i;
        } else {
            i += 1;
        }
    }
    parts.push(&text[start..]);
    // No safepoint runs while the parts are made: the new strs need no rooting until the list
    // holds them.
    let mut vals = Vec::with_capacity(parts.len());
    for p in parts {
        match StrData::from_generalized_utf8(p.to_vec()) {
            Ok(d) => match vm.alloc(Ty::Str, d) {
                Ok(v) => vals.push(v),
                Err(e) => return Some(Err(e)),
            },
            Err(_) => return None,
        }
    }
    Some(vm.new_list(vals))
}

/// `sep.join(items)` for an exact str `sep` and a list or tuple of exact strs.
pub fn join(vm: &mut Vm, sep: Value, items: Value) -> Option<PyResult<Value>> {
    let sep = exact_str(vm, sep)?.as_bytes();
    match vm.m.kind(items.as_handle()?).ok()? {
        Kind::Tuple => join_values(vm, sep, vm.tuple_items(items)?),
        // The list stays locked while its strs are copied: no Python code runs meanwhile.
        Kind::List => join_values(vm, sep, &vm.list_data(items)?.lock()),
        _ => None,
    }
}

fn join_values(vm: &Vm, sep: &[u8], values: &[Value]) -> Option<PyResult<Value>> {
    let mut len = sep.len() * values.len().saturating_sub(1);
    for &v in values {
        len += exact_str(vm, v)?.as_bytes().len();
    }
    let mut buf = Vec::with_capacity(len);
    for (i, &v) in values.iter().enumerate() {
        if i > 0 {
            buf.extend_from_slice(sep);
        }
        buf.extend_from_slice(exact_str(vm, v)?.as_bytes());
    }
    let d = StrData::from_generalized_utf8(buf).ok()?;
    Some(vm.alloc(Ty::Str, d))
}
