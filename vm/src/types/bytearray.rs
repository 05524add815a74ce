//! `bytearray` (CPython's Objects/bytearrayobject.c): the mutable bytes, its mutating methods
//! and item/slice assignment, and the export count that stops resizing while a memoryview
//! holds the buffer. The methods it shares with `bytes` are in `bytes_methods.rs`.
//! https://docs.python.org/3/library/stdtypes.html#bytearray-objects

use std::sync::atomic::{AtomicUsize, Ordering};

use protopy_objects::ObjectMutex as Mutex;
use protopy_objects::{Trace, Tracer, Value};

use super::bytes::{buffer_bytes, byte_of, contents_from};
use super::slicing;
use super::{Args, NativeMethod};
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// A bytearray's state.
pub struct ByteArray {
    pub data: Mutex<Vec<u8>>,
    /// Memoryviews made directly over this bytearray and not yet released.
    pub exports: AtomicUsize,
}

impl Trace for ByteArray {
    fn trace(&self, _t: &mut Tracer) {}
}

impl ByteArray {
    pub fn new(data: Vec<u8>) -> ByteArray {
        ByteArray {
            data: Mutex::new(data),
            exports: AtomicUsize::new(0),
        }
    }
}

/// A new `bytearray`.
pub fn new_bytearray(vm: &mut Vm, b: Vec<u8>) -> PyResult<Value> {
    vm.new_opaque(Ty::ByteArray, ByteArray::new(b))
}

/// Fails with `BufferError` when the bytearray may not change size.
fn check_resize(vm: &mut Vm, v: Value) -> PyResult<()> {
    let exported = vm
        .opaque::<ByteArray>(v)
        .is_some_and(|b| b.exports.load(Ordering::SeqCst) > 0);
    if exported {
        return Err(vm.new_error(
            Ty::BufferError,
            "Existing exports of data: object cannot be re-sized",
        ));
    }
    Ok(())
}

/// Runs `f` on the contents (no Python code runs under the lock).
fn with_data<R>(vm: &mut Vm, v: Value, f: impl FnOnce(&mut Vec<u8>) -> R) -> PyResult<R> {
    if let Some(b) = vm.opaque::<ByteArray>(v) {
        let mut d = b.data.lock();
        return Ok(f(&mut d));
    }
    let t = vm.type_name(v);
    Err(vm.type_error(&format!(
        "descriptor requires a 'bytearray' object but received a '{t}'"
    )))
}

/// Appends bytes (`+=`, `extend`).
pub fn extend_bytes(vm: &mut Vm, v: Value, more: &[u8]) -> PyResult<()> {
    if !more.is_empty() {
        check_resize(vm, v)?;
    }
    with_data(vm, v, |d| d.extend_from_slice(more))
}

/// Replaces the whole contents (`*=`).
pub fn replace_all(vm: &mut Vm, v: Value, new: Vec<u8>) -> PyResult<()> {
    let same = with_data(vm, v, |d| d.len() == new.len())?;
    if !same {
        check_resize(vm, v)?;
    }
    with_data(vm, v, |d| *d = new)
}

/// `bytearray(source=b'', encoding='utf-8', errors='strict')`.
fn bytearray_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(cls) = args.pos.first().and_then(|c| c.as_handle()) else {
        return Err(vm.type_error("bytearray.__new__(X): X is not a type object"));
    };
    let params = super::argbind::Params {
        func: "bytearray",
        names: &["source", "encoding", "errors"],
        posonly: 0,
        required: 0,
    };
    let a = params.bind(vm, &args, true)?;
    let data = match a[0] {
        Some(x) if a[1].is_none() && a[2].is_none() && vm.pystr(x).is_none() => {
            if buffer_bytes(vm, x)?.is_none()
                && vm.int_of(x).is_none()
                && super::str_methods::is_iterable(vm, x)
                && !has_index(vm, x)?
            {
                iterable_bytes(vm, x)?
            } else {
                contents_from(vm, a[0], a[1], a[2], "bytearray")?
            }
        }
        _ => contents_from(vm, a[0], a[1], a[2], "bytearray")?,
    };
    vm.alloc_typed(cls, protopy_objects::OpaqueData::new(ByteArray::new(data)))
}

fn has_index(vm: &mut Vm, x: Value) -> PyResult<bool> {
    let n = vm.intern("__index__")?;
    let ty = vm.type_of(x);
    Ok(super::typeobj::lookup(vm, ty, n).is_some())
}

/// The bytes of an iterable of ints, with bytearray's message for one out of range.
fn iterable_bytes(vm: &mut Vm, x: Value) -> PyResult<Vec<u8>> {
    let items = protocols::iter::collect(vm, x)?;
    let mut out = Vec::with_capacity(items.len());
    for v in items {
        out.push(byte_of(vm, v)?);
    }
    Ok(out)
}

/// The bytes a slice assignment stores: a buffer, or an iterable of ints (not an int or str).
fn assigned_bytes(vm: &mut Vm, value: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer_bytes(vm, value)? {
        return Ok(b);
    }
    if vm.int_of(value).is_some()
        || vm.pystr(value).is_some()
        || !super::str_methods::is_iterable(vm, value)
    {
        return Err(
            vm.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
        );
    }
    iterable_bytes(vm, value)
}

/// `ba[key] = value` (`value` NULL: `del ba[key]`).
pub fn setitem(vm: &mut Vm, obj: Value, key: Value, value: Value) -> PyResult<()> {
    let len = with_data(vm, obj, |d| d.len())?;
    if slicing::is_slice(vm, key) {
        let si = slicing::indices(vm, key, len)?;
        if value.is_null() {
            if si.len == 0 {
                return Ok(());
            }
            check_resize(vm, obj)?;
            let mut drop: Vec<usize> = slicing::positions(si).collect();
            drop.sort_unstable();
            return with_data(vm, obj, |d| {
                let mut k = 0;
                let mut i = 0;
                d.retain(|_| {
                    let keep = drop.get(k) != Some(&i);
                    if !keep {
                        k += 1;
                    }
                    i += 1;
                    keep
                });
            });
        }
        let new = assigned_bytes(vm, value)?;
        if si.step == 1 {
            let start = si.start.max(0) as usize;
            let stop = (start + si.len).min(len);
            if new.len() != stop - start {
                check_resize(vm, obj)?;
            }
            return with_data(vm, obj, |d| {
                let (start, stop) = (start.min(d.len()), stop.min(d.len()));
                d.splice(start..stop, new);
            });
        }
        if new.len() != si.len {
            return Err(vm.value_error(&format!(
                "attempt to assign bytes of size {} to extended slice of size {}",
                new.len(),
                si.len
            )));
        }
        let pos: Vec<usize> = slicing::positions(si).collect();
        return with_data(vm, obj, |d| {
            for (p, b) in pos.into_iter().zip(new) {
                if let Some(slot) = d.get_mut(p) {
                    *slot = b;
                }
            }
        });
    }
    if !slicing::is_index(vm, key)? {
        let t = vm.type_name(key);
        return Err(vm.type_error(&format!(
            "bytearray indices must be integers or slices, not {t}"
        )));
    }
    let i = slicing::item_index(vm, key, len, "bytearray index out of range")?;
    if value.is_null() {
        check_resize(vm, obj)?;
        return with_data(vm, obj, |d| {
            if i < d.len() {
                d.remove(i);
            }
        });
    }
    let b = byte_of(vm, value)?;
    with_data(vm, obj, |d| {
        if let Some(slot) = d.get_mut(i) {
            *slot = b;
        }
    })
}

fn dunder_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__setitem__", 2, 2)?;
    setitem(vm, args.pos[0], args.pos[1], args.pos[2])?;
    Ok(Value::NONE)
}

fn dunder_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__delitem__", 1, 1)?;
    setitem(vm, args.pos[0], args.pos[1], Value::NULL)?;
    Ok(Value::NONE)
}

fn append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "append", 1, 1)?;
    let b = byte_of(vm, args.pos[1])?;
    extend_bytes(vm, args.pos[0], &[b])?;
    Ok(Value::NONE)
}

fn extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "extend", 1, 1)?;
    let x = args.pos[1];
    let more = match buffer_bytes(vm, x)? {
        Some(b) => b,
        None => {
            if vm.pystr(x).is_some() {
                return Err(vm.type_error("expected iterable of integers; got: 'str'"));
            }
            if !super::str_methods::is_iterable(vm, x) {
                let t = vm.type_name(x);
                return Err(vm.type_error(&format!("can't extend bytearray with {t}")));
            }
            iterable_bytes(vm, x)?
        }
    };
    extend_bytes(vm, args.pos[0], &more)?;
    Ok(Value::NONE)
}

fn insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "insert", 2, 2)?;
    let i = super::str_methods::isize_arg(vm, args.pos[1])?;
    let b = byte_of(vm, args.pos[2])?;
    check_resize(vm, args.pos[0])?;
    with_data(vm, args.pos[0], |d| {
        let n = d.len() as isize;
        let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
        d.insert(at as usize, b);
    })?;
    Ok(Value::NONE)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "pop", 0, 1)?;
    let i = match args.get(1) {
        Some(v) => super::str_methods::isize_arg(vm, v)?,
        None => -1,
    };
    let len = with_data(vm, args.pos[0], |d| d.len())?;
    if len == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let at = if i < 0 { i + len as isize } else { i };
    if at < 0 || at >= len as isize {
        return Err(vm.index_error("pop index out of range"));
    }
    check_resize(vm, args.pos[0])?;
    let b = with_data(vm, args.pos[0], |d| d.remove(at as usize))?;
    Ok(Value::from_i64(i64::from(b)).unwrap_or(Value::NONE))
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "remove", 1, 1)?;
    let b = byte_of(vm, args.pos[1])?;
    let at = with_data(vm, args.pos[0], |d| d.iter().position(|&c| c == b))?;
    let Some(at) = at else {
        return Err(vm.value_error("value not found in bytearray"));
    };
    check_resize(vm, args.pos[0])?;
    with_data(vm, args.pos[0], |d| {
        d.remove(at);
    })?;
    Ok(Value::NONE)
}

fn reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "reverse", 0, 0)?;
    with_data(vm, args.pos[0], |d| d.reverse())?;
    Ok(Value::NONE)
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "clear", 0, 0)?;
    let empty = with_data(vm, args.pos[0], |d| d.is_empty())?;
    if !empty {
        check_resize(vm, args.pos[0])?;
    }
    with_data(vm, args.pos[0], |d| d.clear())?;
    Ok(Value::NONE)
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "copy", 0, 0)?;
    let d = with_data(vm, args.pos[0], |d| d.clone())?;
    new_bytearray(vm, d)
}

fn dunder_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = args
        .pos
        .first()
        .map(|&v| vm.type_name(v))
        .unwrap_or_default();
    Err(vm.type_error(&format!("unhashable type: '{t}'")))
}

fn dunder_alloc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__alloc__", 0, 0)?;
    let n = with_data(vm, args.pos[0], |d| d.capacity() + 1)?;
    vm.new_usize(n)
}

/// A bytearray's length (for `len()`).
pub fn len(vm: &Vm, v: Value) -> usize {
    vm.opaque::<ByteArray>(v).map_or(0, |b| b.data.lock().len())
}

pub const METHODS: &[NativeMethod] = &[
    super::sm("__new__", bytearray_new, ""),
    super::m("__alloc__", dunder_alloc, "($self, /)"),
    super::m("__delitem__", dunder_delitem, "($self, key, /)"),
    super::m("__hash__", dunder_hash, "($self, /)"),
    super::m("__setitem__", dunder_setitem, "($self, key, value, /)"),
    super::m("append", append, "($self, item, /)"),
    super::m("clear", clear, "($self, /)"),
    super::m("copy", copy, "($self, /)"),
    super::m("extend", extend, "($self, iterable_of_ints, /)"),
    super::m("insert", insert, "($self, index, item, /)"),
    super::m("pop", pop, "($self, index=-1, /)"),
    super::m("remove", remove, "($self, value, /)"),
    super::m("reverse", reverse, "($self, /)"),
];
