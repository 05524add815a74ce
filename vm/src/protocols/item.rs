//! Subscription, length and membership (Objects/abstract.c `PyObject_GetItem`, `PyObject_Size`,
//! `PySequence_Contains`).

use protopy_objects::{Kind, Value};

use crate::numeric::Int;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};
use crate::types::{dict, typeobj, Args};

/// Normalizes a sequence index (`IndexError` with `what`'s message when out of range).
pub fn seq_index(vm: &mut Vm, i: Value, len: usize, what: &str) -> PyResult<usize> {
    let n = match super::number::index(vm, i) {
        Ok(Int::Small(n)) => n,
        Ok(Int::Big(_)) => {
            return Err(vm.index_error("cannot fit 'int' into an index-sized integer"))
        }
        Err(e) => {
            let idx = vm.intern("__index__")?;
            if typeobj::lookup(vm, vm.type_of(i), idx).is_some() {
                return Err(e);
            }
            let t = vm.type_name(i);
            return Err(vm.type_error(&format!(
                "{what} indices must be integers or slices, not {t}"
            )));
        }
    };
    let j = if n < 0 { n + len as i64 } else { n };
    if j < 0 || j >= len as i64 {
        return Err(vm.index_error(&format!("{what} index out of range")));
    }
    Ok(j as usize)
}

/// The kind of an entity of an exact builtin type: a list, dict, tuple, set, ... entity is never
/// a subclass instance (those are `Instance` entities carrying a base value, design record
/// 0005), so its type's slots are the builtin ones and no lookup is needed.
#[inline]
fn exact_kind(vm: &Vm, v: Value) -> Option<Kind> {
    vm.m.kind(v.as_handle()?).ok()
}

/// `items[i]` for a small int `i`; None when out of range.
#[inline]
fn index_small(items: &[Value], i: i64) -> Option<Value> {
    let n = items.len() as i64;
    let j = if i < 0 { i + n } else { i };
    (0..n).contains(&j).then(|| items[j as usize])
}

/// `obj[key]`.
pub fn getitem(vm: &mut Vm, obj: Value, key: Value) -> PyResult<Value> {
    match (exact_kind(vm, obj), key.as_small_int()) {
        (Some(Kind::Dict), _) => return dict::getitem(vm, obj, key),
        (Some(Kind::List), Some(i)) => {
            let item = vm.list_data(obj).map(|l| index_small(&l.lock(), i));
            if let Some(item) = item {
                return item.ok_or_else(|| vm.index_error("list index out of range"));
            }
        }
        (Some(Kind::Tuple), Some(i)) => {
            let item = vm.tuple_items(obj).map(|t| index_small(t, i));
            if let Some(item) = item {
                return item.ok_or_else(|| vm.index_error("tuple index out of range"));
            }
        }
        _ => {}
    }
    let ty = vm.type_of(obj);
    if crate::types::subclass::native_slot(vm, ty, "__getitem__") {
        match vm.layout_of(obj) {
            Ty::List => {
                if crate::types::range::is_slice(vm, key) {
                    let items = vm.list_data(obj).map(|l| l.snapshot()).unwrap_or_default();
                    let out = crate::types::range::slice_items(vm, key, &items)?;
                    return vm.new_list(out);
                }
                let n = vm.list_data(obj).map(|l| l.len()).unwrap_or(0);
                let i = seq_index(vm, key, n, "list")?;
                // `__index__` may have shrunk the list meanwhile.
                let item = vm.list_data(obj).and_then(|l| l.lock().get(i).copied());
                return item.ok_or_else(|| vm.index_error("list index out of range"));
            }
            Ty::Tuple => {
                if !crate::types::range::is_slice(vm, key) {
                    let n = vm.tuple_items(obj).map(|t| t.len()).unwrap_or(0);
                    let i = seq_index(vm, key, n, "tuple")?;
                    let item = vm.tuple_items(obj).and_then(|t| t.get(i).copied());
                    return item.ok_or_else(|| vm.index_error("tuple index out of range"));
                }
                let items = vm.tuple_items(obj).map(|s| s.to_vec()).unwrap_or_default();
                let ix = crate::types::slice::indices_for(vm, key, items.len())?;
                if ix.step == 1 && ix.len == items.len() && vm.is_exact(obj, Ty::Tuple) {
                    return Ok(obj);
                }
                return vm.new_tuple(crate::types::slice::select(&ix, &items));
            }
            Ty::Dict => return dict::getitem(vm, obj, key),
            Ty::Str => return crate::types::str::getitem(vm, obj, key),
            Ty::Range => return crate::types::range::range_getitem(vm, obj, key),
            Ty::Bytes | Ty::ByteArray => return crate::types::bytes::getitem(vm, obj, key),
            Ty::MemoryView => return crate::types::memoryview::getitem(vm, obj, key),
            _ => {}
        }
    }
    if let Some(r) = super::call::call_special(vm, obj, "__getitem__", vec![key])? {
        return Ok(r);
    }
    if typeobj::is_type(vm, obj) {
        let n = vm.intern("__class_getitem__")?;
        if let Some(h) = obj.as_handle() {
            if let Some(f) = typeobj::lookup(vm, h, n) {
                let f = super::attr::bind(vm, f, Value::NULL, obj)?;
                return super::call::call(vm, f, Args::new(vec![key]));
            }
        }
        let t = typeobj::type_name(vm, obj.as_handle().unwrap_or(ty));
        return Err(vm.type_error(&format!("type '{t}' is not subscriptable")));
    }
    let t = vm.type_name(obj);
    Err(vm.type_error(&format!("'{t}' object is not subscriptable")))
}

/// `obj[key] = value` (`value` NULL: `del obj[key]`).
pub fn setitem(vm: &mut Vm, obj: Value, key: Value, value: Value) -> PyResult<()> {
    if !value.is_null() {
        match (exact_kind(vm, obj), key.as_small_int()) {
            (Some(Kind::Dict), _) => return dict::set_item(vm, obj, key, value),
            (Some(Kind::List), Some(i)) => {
                if let Some(l) = vm.list_data(obj) {
                    let mut items = l.lock();
                    let n = items.len() as i64;
                    let j = if i < 0 { i + n } else { i };
                    if (0..n).contains(&j) {
                        items[j as usize] = value;
                        return Ok(());
                    }
                    drop(items);
                    return Err(vm.index_error("list assignment index out of range"));
                }
            }
            _ => {}
        }
    }
    let ty = vm.type_of(obj);
    if crate::types::subclass::native_slot(vm, ty, "__setitem__") {
        match vm.layout_of(obj) {
            Ty::List => return crate::types::list::setitem(vm, obj, key, value),
            Ty::Dict => {
                if value.is_null() {
                    if dict::del_item(vm, obj, key)?.is_none() {
                        return Err(dict::key_error(vm, key));
                    }
                    return Ok(());
                }
                return dict::set_item(vm, obj, key, value);
            }
            Ty::ByteArray => return crate::types::bytearray::setitem(vm, obj, key, value),
            Ty::MemoryView => return crate::types::memoryview::setitem(vm, obj, key, value),
            _ => {}
        }
    }
    let r = if value.is_null() {
        super::call::call_special(vm, obj, "__delitem__", vec![key])?
    } else {
        super::call::call_special(vm, obj, "__setitem__", vec![key, value])?
    };
    if r.is_some() {
        return Ok(());
    }
    let t = vm.type_name(obj);
    if value.is_null() {
        Err(vm.type_error(&format!("'{t}' object doesn't support item deletion")))
    } else {
        Err(vm.type_error(&format!("'{t}' object does not support item assignment")))
    }
}

/// `len(obj)`.
pub fn len(vm: &mut Vm, obj: Value) -> PyResult<usize> {
    let ty = vm.type_of(obj);
    if crate::types::subclass::native_slot(vm, ty, "__len__") {
        match vm.layout_of(obj) {
            Ty::List => return Ok(vm.list_data(obj).map(|l| l.len()).unwrap_or(0)),
            Ty::Tuple => return Ok(vm.tuple_items(obj).map(|t| t.len()).unwrap_or(0)),
            Ty::Dict => return Ok(dict::len(vm, obj)),
            Ty::Str => return Ok(vm.str_data(obj).map(|s| s.len()).unwrap_or(0)),
            Ty::Set | Ty::FrozenSet => return Ok(crate::types::set::len(vm, obj)),
            Ty::Range => return crate::types::range::range_len(vm, obj),
            Ty::Bytes => {
                return Ok(vm
                    .m
                    .get_value::<protopy_objects::BytesData>(obj)
                    .map(|b| b.bytes.len())
                    .unwrap_or(0))
            }
            Ty::ByteArray => return Ok(crate::types::bytearray::len(vm, obj)),
            Ty::MemoryView => return crate::types::memoryview::len(vm, obj),
            Ty::DictKeys | Ty::DictValues | Ty::DictItems => {
                let d = vm
                    .opaque::<crate::types::iter::DictView>(obj)
                    .map(|v| v.dict)
                    .unwrap_or(Value::NONE);
                return Ok(dict::len(vm, d));
            }
            _ => {}
        }
    }
    match super::call::call_special(vm, obj, "__len__", vec![])? {
        Some(r) => match vm.int_of(r) {
            Some(Int::Small(n)) if n >= 0 => Ok(n as usize),
            Some(Int::Big(b)) if b.sign() != num_bigint::Sign::Minus => Err(vm.new_error(
                Ty::OverflowError,
                "cannot fit 'int' into an index-sized integer",
            )),
            Some(_) => Err(vm.value_error("__len__() should return >= 0")),
            None => {
                let t = vm.type_name(r);
                Err(vm.type_error(&format!("'{t}' object cannot be interpreted as an integer")))
            }
        },
        None => {
            let t = vm.type_name(obj);
            Err(vm.type_error(&format!("object of type '{t}' has no len()")))
        }
    }
}

/// `item in container`.
pub fn contains(vm: &mut Vm, container: Value, item: Value) -> PyResult<bool> {
    match exact_kind(vm, container) {
        Some(Kind::Dict) => return Ok(dict::get_item(vm, container, item)?.is_some()),
        Some(Kind::Set | Kind::FrozenSet) => {
            return crate::types::set::contains(vm, container, item)
        }
        _ => {}
    }
    let ty = vm.type_of(container);
    if crate::types::subclass::native_slot(vm, ty, "__contains__") {
        match vm.layout_of(container) {
            Ty::Dict => return Ok(dict::get_item(vm, container, item)?.is_some()),
            Ty::Set | Ty::FrozenSet => return crate::types::set::contains(vm, container, item),
            Ty::Str => return crate::types::str::contains(vm, container, item),
            Ty::Bytes | Ty::ByteArray => return crate::types::bytes::contains(vm, container, item),
            Ty::Range => return crate::types::range::range_contains(vm, container, item),
            Ty::DictItems => return crate::types::dict_views::items_contains(vm, container, item),
            Ty::DictKeys => {
                let d = vm
                    .opaque::<crate::types::iter::DictView>(container)
                    .map(|v| v.dict)
                    .unwrap_or(Value::NONE);
                return Ok(dict::get_item(vm, d, item)?.is_some());
            }
            _ => {}
        }
    }
    if let Some(r) = super::call::call_special(vm, container, "__contains__", vec![item])? {
        return super::truth(vm, r);
    }
    let it = super::iter::get_iter(vm, container).map_err(|e| {
        if vm.err_is(&e, Ty::TypeError) {
            let t = vm.type_name(container);
            vm.type_error(&format!(
                "argument of type '{t}' is not a container or iterable"
            ))
        } else {
            e
        }
    })?;
    vm.temps.push(it);
    let r = loop {
        match super::iter::next(vm, it) {
            Ok(Some(x)) => match super::compare::eq(vm, x, item) {
                Ok(true) => break Ok(true),
                Ok(false) => {}
                Err(e) => break Err(e),
            },
            Ok(None) => break Ok(false),
            Err(e) => break Err(e),
        }
    };
    vm.temps.pop();
    r
}
