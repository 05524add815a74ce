//! `str` and `bytes` (CPython's Objects/unicodeobject.c and bytesobject.c): construction,
//! indexing, membership and the method table. The algorithms are in `text/`.

use protopy_objects::{BytesData, StrData, Value};

use super::{Args, NativeMethod};
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// A str from generalized UTF-8 bytes.
pub fn new_from_bytes(vm: &mut Vm, bytes: Vec<u8>) -> PyResult<Value> {
    match StrData::from_generalized_utf8(bytes) {
        Ok(d) => vm.alloc(Ty::Str, d),
        Err(_) => Err(vm.new_error(Ty::SystemError, "invalid str data")),
    }
}

/// `str % args`.
pub fn percent_format(vm: &mut Vm, s: Value, args: Value) -> PyResult<Value> {
    let template = vm.pystr(s).unwrap_or_default();
    let r = super::percent_args::format_str(vm, &template, args)?;
    vm.new_pystr(&r)
}

/// `str[key]`.
pub fn getitem(vm: &mut Vm, s: Value, key: Value) -> PyResult<Value> {
    super::str_ops::getitem(vm, s, key)
}

/// `item in str`.
pub fn contains(vm: &mut Vm, s: Value, item: Value) -> PyResult<bool> {
    let (Some(hay), Some(needle)) = (vm.str_data(s), vm.str_data(item)) else {
        let t = vm.type_name(item);
        return Err(vm.type_error(&format!(
            "'in <string>' requires string as left operand, not {t}"
        )));
    };
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    Ok(n.is_empty() || h.windows(n.len()).any(|w| w == n))
}

/// `str(object='')`: https://docs.python.org/3/library/stdtypes.html#str
pub fn str_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(cls) = args.pos.first().and_then(|c| c.as_handle()) else {
        return Err(vm.type_error("str.__new__(X): X is not a type object"));
    };
    if cls == vm.ty(Ty::Str) {
        return str_new_exact(vm, args);
    }
    if super::typeobj::layout(vm, cls) != Ty::Str {
        let t = super::typeobj::type_name(vm, cls);
        return Err(vm.type_error(&format!("str.__new__({t}): {t} is not a subtype of str")));
    }
    let mut exact = args;
    exact.pos[0] = vm.ty_val(Ty::Str);
    let s = str_new_exact(vm, exact)?;
    let bytes = vm
        .str_data(s)
        .map(|d| d.as_bytes().to_vec())
        .unwrap_or_default();
    match StrData::from_generalized_utf8(bytes) {
        Ok(d) => vm.alloc_typed(cls, d),
        Err(_) => Err(vm.new_error(Ty::SystemError, "invalid str data")),
    }
}

/// `str(...)` for `str` itself.
fn str_new_exact(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() > 4 {
        return Err(vm.type_error(&format!(
            "str expected at most 3 arguments, got {}",
            args.pos.len() - 1
        )));
    }
    let params = super::argbind::Params {
        func: "str",
        names: &["object", "encoding", "errors"],
        posonly: 0,
        required: 0,
    };
    let a = params.bind(vm, &args, true)?;
    if a[1].is_some() || a[2].is_some() {
        let obj = match a[0] {
            Some(o) => o,
            None => vm.alloc(Ty::Bytes, BytesData::new(Vec::new()))?,
        };
        return super::str_codec::str_from_encoded(vm, obj, a[1], a[2]);
    }
    match a[0] {
        Some(x) => crate::protocols::repr::str_value(vm, x),
        None => vm.intern(""),
    }
}

pub const METHODS: &[NativeMethod] = super::str_ops::METHODS;

/// Appends code point `c` in generalized UTF-8 (lone surrogates as their 3-byte form).
pub fn push_code_point(out: &mut Vec<u8>, c: u32) {
    match c {
        0..=0x7F => out.push(c as u8),
        0x80..=0x7FF => out.extend_from_slice(&[0xC0 | (c >> 6) as u8, 0x80 | (c & 0x3F) as u8]),
        0x800..=0xFFFF => out.extend_from_slice(&[
            0xE0 | (c >> 12) as u8,
            0x80 | ((c >> 6) & 0x3F) as u8,
            0x80 | (c & 0x3F) as u8,
        ]),
        _ => out.extend_from_slice(&[
            0xF0 | (c >> 18) as u8,
            0x80 | ((c >> 12) & 0x3F) as u8,
            0x80 | ((c >> 6) & 0x3F) as u8,
            0x80 | (c & 0x3F) as u8,
        ]),
    }
}
