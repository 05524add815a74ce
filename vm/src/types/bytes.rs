//! `bytes` (CPython's Objects/bytesobject.c): construction, indexing, the operators shared
//! with `bytearray`, and the buffer view every bytes-like argument goes through (what
//! `PyObject_GetBuffer` gives for the builtin buffer types).
//! https://docs.python.org/3/library/stdtypes.html#bytes-objects

use protopy_objects::{BytesData, Value};

use super::bytearray::{self, ByteArray};
use super::slicing;
use super::{Args, NativeMethod};
use crate::numeric::Int;
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// Whether `v` is a bytes-like object whose contents [`buffer_bytes`] reads.
pub fn is_buffer(vm: &Vm, v: Value) -> bool {
    vm.m.get_value::<BytesData>(v).is_ok()
        || vm.opaque::<ByteArray>(v).is_some()
        || vm.opaque::<super::memoryview::MemoryView>(v).is_some()
}

/// The contents of a bytes-like object (bytes, bytearray, memoryview), copied; None for
/// other objects. A released memoryview raises `ValueError`.
pub fn buffer_bytes(vm: &mut Vm, v: Value) -> PyResult<Option<Vec<u8>>> {
    if let Ok(b) = vm.m.get_value::<BytesData>(v) {
        return Ok(Some(b.bytes.to_vec()));
    }
    if let Some(b) = vm.opaque::<ByteArray>(v) {
        return Ok(Some(b.data.lock().clone()));
    }
    if vm.opaque::<super::memoryview::MemoryView>(v).is_some() {
        return super::memoryview::contents(vm, v).map(Some);
    }
    Ok(None)
}

/// A bytes-like argument, or `TypeError: a bytes-like object is required, not 'T'`.
pub fn want_buffer(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match buffer_bytes(vm, v)? {
        Some(b) => Ok(b),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

/// A new `bytes`.
pub fn new_bytes(vm: &mut Vm, b: Vec<u8>) -> PyResult<Value> {
    vm.alloc(Ty::Bytes, BytesData::new(b))
}

/// A new `bytes` or `bytearray` (`kind`), as the methods shared by both return.
pub fn new_of(vm: &mut Vm, kind: Ty, b: Vec<u8>) -> PyResult<Value> {
    if kind == Ty::ByteArray {
        bytearray::new_bytearray(vm, b)
    } else {
        new_bytes(vm, b)
    }
}

/// A byte value from an int-like object, with CPython's range message.
pub fn byte_of(vm: &mut Vm, v: Value) -> PyResult<u8> {
    let i = protocols::number::index(vm, v)?;
    match i {
        Int::Small(n) if (0..256).contains(&n) => Ok(n as u8),
        _ => Err(vm.value_error("byte must be in range(0, 256)")),
    }
}

/// The bytes of an iterable of ints (`bytes(iterable)`), `ValueError` for one out of range.
pub fn bytes_from_iterable(vm: &mut Vm, x: Value) -> PyResult<Vec<u8>> {
    let items = protocols::iter::collect(vm, x)?;
    let mut out = Vec::with_capacity(items.len());
    for v in items {
        let i = protocols::number::index(vm, v)?;
        match i {
            Int::Small(n) if (0..256).contains(&n) => out.push(n as u8),
            _ => return Err(vm.value_error("bytes must be in range(0, 256)")),
        }
    }
    Ok(out)
}

/// The initial contents of `bytes(source, encoding, errors)` and `bytearray(...)`: `None`
/// arguments are absent ones. `name` is the type's name for messages.
pub fn contents_from(
    vm: &mut Vm,
    source: Option<Value>,
    encoding: Option<Value>,
    errors: Option<Value>,
    name: &str,
) -> PyResult<Vec<u8>> {
    let Some(x) = source else {
        if encoding.is_some() || errors.is_some() {
            let what = if encoding.is_some() {
                "encoding"
            } else {
                "errors"
            };
            return Err(vm.type_error(&format!("{what} without a string argument")));
        }
        return Ok(Vec::new());
    };
    if let Some(s) = vm.pystr(x) {
        let Some(enc) = encoding else {
            return Err(vm.type_error("string argument without an encoding"));
        };
        let enc = str_param(vm, enc, name, "encoding")?;
        let errs = match errors {
            Some(e) => str_param(vm, e, name, "errors")?,
            None => "strict".into(),
        };
        return super::str_codec::encode(vm, &s, &enc, &errs);
    }
    if encoding.is_some() {
        return Err(vm.type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(vm.type_error("errors without a string argument"));
    }
    if let Some(b) = buffer_bytes(vm, x)? {
        return Ok(b);
    }
    if name == "bytes" {
        if let Some(r) = protocols::call::call_special(vm, x, "__bytes__", vec![])? {
            return match vm.m.get_value::<BytesData>(r) {
                Ok(b) => Ok(b.bytes.to_vec()),
                Err(_) => {
                    let t = vm.type_name(r);
                    Err(vm.type_error(&format!("__bytes__ returned non-bytes (type {t})")))
                }
            };
        }
    }
    if vm.int_of(x).is_some() || has_index(vm, x)? {
        let n = match protocols::number::index(vm, x)? {
            Int::Small(n) => n,
            Int::Big(_) => {
                return Err(vm.new_error(
                    Ty::OverflowError,
                    "cannot fit 'int' into an index-sized integer",
                ))
            }
        };
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        return Ok(vec![0; n as usize]);
    }
    if !super::str_methods::is_iterable(vm, x) {
        let t = vm.type_name(x);
        return Err(vm.type_error(&format!("cannot convert '{t}' object to {name}")));
    }
    bytes_from_iterable(vm, x)
}

fn has_index(vm: &mut Vm, x: Value) -> PyResult<bool> {
    let n = vm.intern("__index__")?;
    let ty = vm.type_of(x);
    Ok(super::typeobj::lookup(vm, ty, n).is_some())
}

fn str_param(vm: &mut Vm, v: Value, func: &str, what: &str) -> PyResult<String> {
    match vm.rust_str(v) {
        Some(s) => Ok(s),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!("{func}() argument '{what}' must be str, not {t}")))
        }
    }
}

/// `bytes(source=b'', encoding='utf-8', errors='strict')`.
fn bytes_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(cls) = args.pos.first().and_then(|c| c.as_handle()) else {
        return Err(vm.type_error("bytes.__new__(X): X is not a type object"));
    };
    let params = super::argbind::Params {
        func: "bytes",
        names: &["source", "encoding", "errors"],
        posonly: 0,
        required: 0,
    };
    let a = params.bind(vm, &args, true)?;
    if a[1].is_none() && a[2].is_none() {
        if let Some(x) = a[0] {
            if vm.is_exact(x, Ty::Bytes) && cls == vm.ty(Ty::Bytes) {
                return Ok(x);
            }
        }
    }
    let data = contents_from(vm, a[0], a[1], a[2], "bytes")?;
    vm.alloc_typed(cls, BytesData::new(data))
}

/// `seq[key]` for bytes and bytearray: an int for an index, the same type for a slice.
pub fn getitem(vm: &mut Vm, obj: Value, key: Value) -> PyResult<Value> {
    let kind = vm.layout_of(obj);
    let data = buffer_bytes(vm, obj)?.unwrap_or_default();
    if slicing::is_slice(vm, key) {
        let si = slicing::indices(vm, key, data.len())?;
        if kind == Ty::Bytes && si.step == 1 && si.len == data.len() && vm.is_exact(obj, Ty::Bytes)
        {
            return Ok(obj);
        }
        let out: Vec<u8> = slicing::positions(si).map(|i| data[i]).collect();
        return new_of(vm, kind, out);
    }
    if !slicing::is_index(vm, key)? {
        let (t, what) = (
            vm.type_name(key),
            if kind == Ty::Bytes {
                "byte"
            } else {
                "bytearray"
            },
        );
        return Err(vm.type_error(&format!(
            "{what} indices must be integers or slices, not {t}"
        )));
    }
    let msg = if kind == Ty::Bytes {
        "index out of range"
    } else {
        "bytearray index out of range"
    };
    let i = slicing::item_index(vm, key, data.len(), msg)?;
    Ok(Value::from_i64(i64::from(data[i])).unwrap_or(Value::NONE))
}

/// `item in b` for bytes and bytearray: an int in range, or a bytes-like substring.
pub fn contains(vm: &mut Vm, obj: Value, item: Value) -> PyResult<bool> {
    let hay = buffer_bytes(vm, obj)?.unwrap_or_default();
    if vm.int_of(item).is_none() && !is_buffer(vm, item) && !has_index(vm, item)? {
        let t = vm.type_name(item);
        return Err(vm.type_error(&format!("a bytes-like object is required, not '{t}'")));
    }
    let needle = sub_arg(vm, item)?;
    Ok(find_bytes(&hay, &needle, 0, hay.len()).is_some())
}

/// A search argument of the bytes methods: a bytes-like object or an int in `range(256)`.
pub fn sub_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer_bytes(vm, v)? {
        return Ok(b);
    }
    if vm.int_of(v).is_some() || has_index(vm, v)? {
        return Ok(vec![byte_of(vm, v)?]);
    }
    let t = vm.type_name(v);
    Err(vm.type_error(&format!(
        "argument should be integer or bytes-like object, not '{t}'"
    )))
}

/// The first position of `needle` in `hay[start..end]`.
pub fn find_bytes(hay: &[u8], needle: &[u8], start: usize, end: usize) -> Option<usize> {
    if start > end || end > hay.len() || needle.len() > end - start {
        return None;
    }
    if needle.is_empty() {
        return Some(start);
    }
    hay[start..end]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + start)
}

/// The binary operators of bytes and bytearray (`+`, `*`, `%`, and in place for bytearray);
/// None when the operands are not theirs.
pub fn binary(vm: &mut Vm, a: Value, b: Value, op: u32, inplace: bool) -> PyResult<Option<Value>> {
    let (la, lb) = (vm.layout_of(a), vm.layout_of(b));
    let seq = |t: Ty| matches!(t, Ty::Bytes | Ty::ByteArray);
    match op {
        0 if seq(la) => {
            let Some(y) = buffer_bytes(vm, b)? else {
                let t = vm.type_name(b);
                let n = la.name();
                return Err(vm.type_error(&format!("can't concat {t} to {n}")));
            };
            if la == Ty::ByteArray && inplace {
                bytearray::extend_bytes(vm, a, &y)?;
                return Ok(Some(a));
            }
            let mut x = buffer_bytes(vm, a)?.unwrap_or_default();
            x.extend_from_slice(&y);
            new_of(vm, la, x).map(Some)
        }
        5 if seq(la) || seq(lb) => {
            let (s, n, kind) = if seq(la) { (a, b, la) } else { (b, a, lb) };
            if vm.int_of(n).is_none() && !has_index(vm, n)? {
                let t = vm.type_name(n);
                return Err(
                    vm.type_error(&format!("can't multiply sequence by non-int of type '{t}'"))
                );
            }
            let count = match protocols::number::index(vm, n)? {
                Int::Small(c) => c.max(0) as usize,
                Int::Big(bi) if bi.sign() == num_bigint::Sign::Minus => 0,
                Int::Big(_) => {
                    return Err(vm.new_error(
                        Ty::OverflowError,
                        "cannot fit 'int' into an index-sized integer",
                    ))
                }
            };
            let x = buffer_bytes(vm, s)?.unwrap_or_default();
            if x.len()
                .checked_mul(count)
                .is_none_or(|t| t > isize::MAX as usize)
            {
                return Err(vm.new_error(Ty::MemoryError, ""));
            }
            let out = x.repeat(count);
            if kind == Ty::ByteArray && inplace && s == a {
                bytearray::replace_all(vm, a, out)?;
                return Ok(Some(a));
            }
            new_of(vm, kind, out).map(Some)
        }
        6 if seq(la) => {
            let t = buffer_bytes(vm, a)?.unwrap_or_default();
            let r = super::percent_args::format_bytes(vm, &t, b)?;
            new_of(vm, la, r).map(Some)
        }
        _ => Ok(None),
    }
}

/// Comparisons of bytes-like objects (bytes, bytearray; memoryview for `==`/`!=`).
pub fn compare(vm: &mut Vm, a: Value, b: Value, op: usize) -> PyResult<Option<bool>> {
    let (la, lb) = (vm.layout_of(a), vm.layout_of(b));
    let mv = la == Ty::MemoryView || lb == Ty::MemoryView;
    if mv {
        if op != 2 && op != 3 {
            return Ok(None);
        }
        if !is_buffer(vm, a) || !is_buffer(vm, b) {
            return Ok(None);
        }
        let eq = super::memoryview::equal(vm, a, b)?;
        return Ok(Some(eq == (op == 2)));
    }
    let (Some(x), Some(y)) = (buffer_bytes(vm, a)?, buffer_bytes(vm, b)?) else {
        return Ok(None);
    };
    let o = x.cmp(&y);
    use std::cmp::Ordering::*;
    Ok(Some(match op {
        0 => o == Less,
        1 => o != Greater,
        2 => o == Equal,
        3 => o != Equal,
        4 => o == Greater,
        _ => o != Less,
    }))
}

/// `repr()` of bytes and bytearray contents, with the type's wrapper for bytearray.
pub fn repr(vm: &mut Vm, v: Value) -> PyResult<Option<String>> {
    match vm.layout_of(v) {
        Ty::ByteArray => {
            let b = buffer_bytes(vm, v)?.unwrap_or_default();
            let t = vm.type_name(v);
            Ok(Some(format!(
                "{t}({})",
                protopy_compiler::literals::repr_bytes(&b)
            )))
        }
        Ty::MemoryView => Ok(Some(super::memoryview::repr(vm, v))),
        _ => Ok(None),
    }
}

fn dunder_getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__getnewargs__", 0, 0)?;
    let b = buffer_bytes(vm, args.pos[0])?.unwrap_or_default();
    let v = new_bytes(vm, b)?;
    vm.temps.push(v);
    let r = vm.new_tuple(vec![v]);
    vm.temps.pop();
    r
}

fn dunder_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__bytes__", 0, 0)?;
    if vm.is_exact(args.pos[0], Ty::Bytes) {
        return Ok(args.pos[0]);
    }
    let b = buffer_bytes(vm, args.pos[0])?.unwrap_or_default();
    new_bytes(vm, b)
}

fn dunder_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__hash__", 0, 0)?;
    let b = buffer_bytes(vm, args.pos[0])?.unwrap_or_default();
    vm.new_i64(protocols::strhash::hash_bytes(&b))
}

pub const METHODS: &[NativeMethod] = &[
    super::sm("__new__", bytes_new, ""),
    super::m("__bytes__", dunder_bytes, "($self, /)"),
    super::m("__getnewargs__", dunder_getnewargs, "($self, /)"),
    super::m("__hash__", dunder_hash, "($self, /)"),
];
