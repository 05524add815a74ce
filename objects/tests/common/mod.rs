//! Helpers shared by the object store's integration tests: ints, string keys with a stand-in
//! hash and equality (the interpreter supplies the real `hash()` and `__eq__`).

#![allow(dead_code)] // each test binary uses a different subset

use protopy_objects::{Handle, KeyEq, Mutator, StrData, Value};

pub fn int(i: i64) -> Value {
    Value::from_i64(i).unwrap_or(Value::NULL)
}

/// FNV-1a over the string's bytes: a stand-in for Python's `hash(str)`.
pub fn str_hash(s: &str) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    // Python never hashes to -1.
    if h as i64 == -1 {
        -2
    } else {
        h as i64
    }
}

/// Key equality for str keys: compares contents (immutable, so safe under a dict's lock).
pub fn str_eq(m: &Mutator) -> impl FnMut(Value, Value) -> KeyEq + '_ {
    move |a, b| match (m.get_value::<StrData>(a), m.get_value::<StrData>(b)) {
        (Ok(x), Ok(y)) if x == y => KeyEq::Equal,
        _ => KeyEq::NotEqual,
    }
}

pub fn alloc_str(m: &Mutator, s: &str) -> Handle {
    match m.alloc(None, StrData::from(s)) {
        Ok(h) => h,
        Err(e) => unreachable!("allocation failed: {e}"),
    }
}

/// The text of a str entity.
pub fn text(m: &Mutator, v: Value) -> String {
    m.get_value::<StrData>(v)
        .map(StrData::to_string_lossy)
        .unwrap_or_default()
}
