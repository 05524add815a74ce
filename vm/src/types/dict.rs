//! `dict` (Objects/dictobject.c): lookups that resolve user `__eq__` outside the lock (the
//! `Undecided` protocol of docs/design/0002), and the dict methods.

use protopy_objects::{DictData, KeyEq, Lookup, Resolved, Table, TupleData, Value, ValueKind};

use super::{cm, m, Args, NativeMethod};
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// Equality decidable without running Python code: identity, numbers, str and bytes contents,
/// tuples of those. `Unknown` when a user `__eq__` might be involved.
pub fn fast_eq(vm: &Vm, a: Value, b: Value) -> KeyEq {
    if a == b {
        return KeyEq::Equal;
    }
    let (ta, tb) = (vm.layout_of(a), vm.layout_of(b));
    let user = |v: Value| crate::types::typeobj::is_heap_type(vm, vm.type_of(v));
    if user(a) || user(b) {
        return KeyEq::Unknown;
    }
    let num = |t: Ty| matches!(t, Ty::Int | Ty::Bool | Ty::Float);
    if num(ta) && num(tb) {
        return match protocols::compare::num_cmp(vm, a, b) {
            Some(std::cmp::Ordering::Equal) => KeyEq::Equal,
            _ => KeyEq::NotEqual,
        };
    }
    match (ta, tb) {
        (Ty::Str, Ty::Str) => match (vm.str_data(a), vm.str_data(b)) {
            (Some(x), Some(y)) => eq_bool(x.as_bytes() == y.as_bytes()),
            _ => KeyEq::Unknown,
        },
        (Ty::Bytes, Ty::Bytes) => match (
            vm.m.get_value::<protopy_objects::BytesData>(a),
            vm.m.get_value::<protopy_objects::BytesData>(b),
        ) {
            (Ok(x), Ok(y)) => eq_bool(x.bytes == y.bytes),
            _ => KeyEq::Unknown,
        },
        (Ty::Tuple, Ty::Tuple) => {
            let (Ok(x), Ok(y)) = (
                vm.m.get_value::<TupleData>(a),
                vm.m.get_value::<TupleData>(b),
            ) else {
                return KeyEq::Unknown;
            };
            if x.items.len() != y.items.len() {
                return KeyEq::NotEqual;
            }
            for (&p, &q) in x.items.iter().zip(y.items.iter()) {
                match fast_eq(vm, p, q) {
                    KeyEq::Equal => {}
                    other => return other,
                }
            }
            KeyEq::Equal
        }
        (x, y)
            if x == y
                && matches!(
                    x,
                    Ty::FrozenSet | Ty::Set | Ty::List | Ty::Dict | Ty::Complex
                ) =>
        {
            KeyEq::Unknown
        }
        (Ty::NoneType, _) | (_, Ty::NoneType) => KeyEq::NotEqual,
        (x, y) if x != y && !num(x) && !num(y) => {
            if matches!(x, Ty::Object) || matches!(y, Ty::Object) {
                KeyEq::NotEqual
            } else if matches!(x, Ty::FrozenSet | Ty::Set) && matches!(y, Ty::FrozenSet | Ty::Set) {
                KeyEq::Unknown
            } else {
                KeyEq::NotEqual
            }
        }
        (x, y) if num(x) != num(y) => {
            if matches!(x, Ty::Complex) || matches!(y, Ty::Complex) {
                KeyEq::Unknown
            } else {
                KeyEq::NotEqual
            }
        }
        _ => KeyEq::Unknown,
    }
}

fn eq_bool(b: bool) -> KeyEq {
    if b {
        KeyEq::Equal
    } else {
        KeyEq::NotEqual
    }
}

/// Runs `op` on the locked table with an equality callback, resolving undecided candidates
/// with Python `__eq__` outside the lock, until it decides.
pub fn with_resolved<R>(
    vm: &mut Vm,
    key: Value,
    mut op: impl FnMut(&Vm, &mut dyn FnMut(Value, Value) -> KeyEq) -> Result<R, Vec<Value>>,
) -> PyResult<R> {
    let mut resolved = Resolved::default();
    loop {
        let r = {
            let vmr: &Vm = vm;
            let mut eq = |stored: Value, k: Value| {
                resolved
                    .answer(stored)
                    .unwrap_or_else(|| fast_eq(vmr, stored, k))
            };
            op(vmr, &mut eq)
        };
        match r {
            Ok(r) => return Ok(r),
            Err(candidates) => {
                // One comparison at a time, in probe order: the probe stops at the first
                // equal key, as CPython's does.
                if let Some(c) = candidates
                    .into_iter()
                    .find(|&c| resolved.answer(c).is_none())
                {
                    vm.temps.push(c);
                    vm.temps.push(key);
                    let eq = protocols::compare::eq(vm, c, key);
                    vm.temps.truncate(vm.temps.len() - 2);
                    resolved.record(c, eq?);
                }
            }
        }
    }
}

fn table_of(vm: &Vm, dict: Value) -> Option<&DictData> {
    vm.dict_data(dict)
}

/// `dict[key]` as an option.
pub fn get_item(vm: &mut Vm, dict: Value, key: Value) -> PyResult<Option<Value>> {
    let hash = super::set::hash_key(vm, key, "a dict key")?;
    with_resolved(vm, key, |vm, eq| {
        let Some(d) = table_of(vm, dict) else {
            return Ok(None);
        };
        match d.lock().get(hash, key, eq) {
            Lookup::Found { value, .. } => Ok(Some(value)),
            Lookup::Missing => Ok(None),
            Lookup::Undecided(u) => Err(u.candidates),
        }
    })
}

/// Looks up a str key known to be an identifier (globals, attributes).
pub fn get_str(vm: &mut Vm, dict: Value, name: &str) -> PyResult<Option<Value>> {
    let k = vm.intern(name)?;
    get_item(vm, dict, k)
}

/// `dict[name] = value` for an identifier key.
pub fn set_str(vm: &mut Vm, dict: Value, name: &str, value: Value) -> PyResult<()> {
    let k = vm.intern(name)?;
    set_item(vm, dict, k, value)
}

/// `dict[key] = value`.
pub fn set_item(vm: &mut Vm, dict: Value, key: Value, value: Value) -> PyResult<()> {
    let hash = super::set::hash_key(vm, key, "a dict key")?;
    with_resolved(vm, key, |vm, mut eq| {
        let Some(d) = table_of(vm, dict) else {
            return Ok(());
        };
        d.lock()
            .insert(hash, key, value, &mut eq)
            .map(|_| ())
            .map_err(|u| u.candidates)
    })
}

/// `del dict[key]`; the removed value, None when absent.
pub fn del_item(vm: &mut Vm, dict: Value, key: Value) -> PyResult<Option<Value>> {
    let hash = super::set::hash_key(vm, key, "a dict key")?;
    with_resolved(vm, key, |vm, mut eq| {
        let Some(d) = table_of(vm, dict) else {
            return Ok(None);
        };
        d.lock()
            .remove(hash, key, &mut eq)
            .map(|r| r.map(|(_, v)| v))
            .map_err(|u| u.candidates)
    })
}

pub fn items(vm: &Vm, dict: Value) -> Vec<(Value, Value)> {
    vm.dict_data(dict).map(|d| d.items()).unwrap_or_default()
}

pub fn len(vm: &Vm, dict: Value) -> usize {
    vm.dict_data(dict).map(|d| d.len()).unwrap_or(0)
}

/// Raises `KeyError(key)`.
pub fn key_error(vm: &mut Vm, key: Value) -> crate::thread::PyErr {
    vm.new_error_args(Ty::KeyError, vec![key])
}

/// `dict.update(other)` for a mapping or an iterable of pairs.
pub fn update(vm: &mut Vm, dict: Value, other: Value) -> PyResult<()> {
    if vm.dict_data(other).is_some() {
        for (k, v) in items(vm, other) {
            set_item(vm, dict, k, v)?;
        }
        return Ok(());
    }
    let keys_name = vm.intern("keys")?;
    if protocols::attr::lookup_type_attr(vm, vm.type_of(other), keys_name).is_some() {
        let keys = protocols::call::call_method(vm, other, "keys", vec![])?;
        let keys = protocols::iter::collect(vm, keys)?;
        let mark = vm.temps.len();
        vm.temps.extend_from_slice(&keys);
        for k in keys {
            let v = protocols::item::getitem(vm, other, k)?;
            set_item(vm, dict, k, v)?;
        }
        vm.temps.truncate(mark);
        return Ok(());
    }
    let pairs = protocols::iter::collect(vm, other)?;
    let mark = vm.temps.len();
    vm.temps.extend_from_slice(&pairs);
    for (i, p) in pairs.into_iter().enumerate() {
        let kv = protocols::iter::collect(vm, p).map_err(|e| {
            if vm.err_is(&e, Ty::TypeError) {
                vm.type_error("object is not iterable")
            } else {
                e
            }
        });
        let kv = match kv {
            Ok(kv) => kv,
            Err(e) => {
                vm.temps.truncate(mark);
                return Err(e);
            }
        };
        if kv.len() != 2 {
            vm.temps.truncate(mark);
            return Err(vm.value_error(&format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                kv.len()
            )));
        }
        set_item(vm, dict, kv[0], kv[1])?;
    }
    vm.temps.truncate(mark);
    Ok(())
}

/// A new exact dict with the items of `dict` (`dict.copy()`).
pub fn copy_of(vm: &mut Vm, dict: Value) -> PyResult<Value> {
    let d = vm.new_dict()?;
    vm.temps.push(d);
    let r = update(vm, d, dict);
    vm.temps.pop();
    r.map(|()| d)
}

fn new_dict_of(vm: &mut Vm, cls: Value) -> PyResult<Value> {
    match cls.as_handle() {
        Some(h) => vm.alloc_typed(h, DictData::new(Table::new())),
        None => vm.new_dict(),
    }
}

/// `dict.__new__`
pub fn dict_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = args.get(0).unwrap_or(Value::NULL);
    new_dict_of(vm, cls)
}

/// `dict.__init__(self, [mapping_or_iterable], **kwargs)`:
/// https://docs.python.org/3/library/stdtypes.html#dict
fn dict_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = args.pos[0];
    if args.pos.len() > 2 {
        return Err(vm.type_error(&format!(
            "dict expected at most 1 argument, got {}",
            args.pos.len() - 1
        )));
    }
    if let Some(o) = args.get(1) {
        update(vm, d, o)?;
    }
    for &(k, v) in &args.kw {
        set_item(vm, d, k, v)?;
    }
    Ok(Value::NONE)
}

/// `dict.get(key, default=None)`: https://docs.python.org/3/library/stdtypes.html#dict.get
fn dict_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "get", 1, 2)?;
    Ok(get_item(vm, args.pos[0], args.pos[1])?.unwrap_or(args.get(2).unwrap_or(Value::NONE)))
}

/// `dict.setdefault(key, default=None)`
fn dict_setdefault(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "setdefault", 1, 2)?;
    if let Some(v) = get_item(vm, args.pos[0], args.pos[1])? {
        return Ok(v);
    }
    let v = args.get(2).unwrap_or(Value::NONE);
    set_item(vm, args.pos[0], args.pos[1], v)?;
    Ok(v)
}

/// `dict.pop(key[, default])`
fn dict_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "pop", 1, 2)?;
    match del_item(vm, args.pos[0], args.pos[1])? {
        Some(v) => Ok(v),
        None => args.get(2).ok_or_else(|| key_error(vm, args.pos[1])),
    }
}

/// `dict.popitem()`
fn dict_popitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "dict.popitem", 0, 0)?;
    let last = vm.dict_data(args.pos[0]).and_then(|d| d.lock().pop_last());
    match last {
        Some((k, v)) => vm.new_tuple(vec![k, v]),
        None => Err(vm.new_error(Ty::KeyError, "popitem(): dictionary is empty")),
    }
}

fn view(vm: &mut Vm, args: Args, ty: Ty) -> PyResult<Value> {
    let name = match ty {
        Ty::DictKeys => "dict.keys",
        Ty::DictValues => "dict.values",
        _ => "dict.items",
    };
    args.check_method(vm, name, 0, 0)?;
    vm.new_opaque(ty, super::iter::DictView { dict: args.pos[0] })
}

/// `dict.keys()`
fn dict_keys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view(vm, args, Ty::DictKeys)
}
/// `dict.values()`
fn dict_values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view(vm, args, Ty::DictValues)
}
/// `dict.items()`
fn dict_items(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view(vm, args, Ty::DictItems)
}

/// `dict.update([other], **kwargs)`
fn dict_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() > 2 {
        return Err(vm.type_error(&format!(
            "update expected at most 1 argument, got {}",
            args.pos.len() - 1
        )));
    }
    if let Some(o) = args.get(1) {
        update(vm, args.pos[0], o)?;
    }
    for &(k, v) in &args.kw {
        set_item(vm, args.pos[0], k, v)?;
    }
    Ok(Value::NONE)
}

/// `dict.clear()`
fn dict_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "dict.clear", 0, 0)?;
    if let Some(d) = vm.dict_data(args.pos[0]) {
        d.lock().clear();
    }
    Ok(Value::NONE)
}

/// `dict.copy()`
fn dict_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "dict.copy", 0, 0)?;
    let t = vm
        .dict_data(args.pos[0])
        .map(|d| d.lock().clone())
        .unwrap_or_default();
    vm.alloc(Ty::Dict, DictData::new(t))
}

/// `dict.fromkeys(iterable, value=None)`
fn dict_fromkeys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() < 2 || args.pos.len() > 3 || !args.kw.is_empty() {
        let mut a = args.clone();
        a.kw.clear();
        a.check_method(vm, "fromkeys", 1, 2)?;
        return Err(vm.type_error("fromkeys() takes no keyword arguments"));
    }
    let d = new_dict_of(vm, args.pos[0])?;
    vm.temps.push(d);
    let keys = protocols::iter::collect(vm, args.get(1).unwrap_or(Value::NONE))?;
    let v = args.get(2).unwrap_or(Value::NONE);
    for k in keys {
        set_item(vm, d, k, v)?;
    }
    vm.temps.pop();
    Ok(d)
}

/// `dict.__getitem__`, with `__missing__` for subclasses.
fn dict_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    getitem(vm, args.pos[0], args.get(1).unwrap_or(Value::NONE))
}

pub fn getitem(vm: &mut Vm, d: Value, k: Value) -> PyResult<Value> {
    if let Some(v) = get_item(vm, d, k)? {
        return Ok(v);
    }
    if !vm.is_exact(d, Ty::Dict) {
        let name = vm.intern("__missing__")?;
        if let Some(f) = protocols::attr::lookup_type_attr(vm, vm.type_of(d), name) {
            return protocols::call::call(vm, f, Args::new(vec![d, k]));
        }
    }
    Err(key_error(vm, k))
}

fn dict_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "dict.__setitem__", 2, 2)?;
    the_dict(vm, args.pos[0])?;
    set_item(vm, args.pos[0], args.pos[1], args.pos[2])?;
    Ok(Value::NONE)
}

fn dict_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "dict.__delitem__", 1, 1)?;
    the_dict(vm, args.pos[0])?;
    if del_item(vm, args.pos[0], args.pos[1])?.is_none() {
        return Err(key_error(vm, args.pos[1]));
    }
    Ok(Value::NONE)
}

fn dict_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "dict.__len__", 0, 0)?;
    the_dict(vm, args.pos[0])?;
    vm.new_usize(len(vm, args.pos[0]))
}

fn dict_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "dict.__iter__", 0, 0)?;
    the_dict(vm, args.pos[0])?;
    super::table_iter::new(vm, args.pos[0], super::table_iter::Yield::Keys)
}

/// The receiver of a dict method, checked.
fn the_dict(vm: &mut Vm, v: Value) -> PyResult<()> {
    if vm.dict_data(v).is_none() {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!(
            "descriptor requires a 'dict' object but received a '{t}'"
        )));
    }
    Ok(())
}

/// `dict | other`: a copy (of the exact dict type) updated with `other`, for a dict `other`.
fn dict_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "dict.__or__", 1, 1)?;
    the_dict(vm, args.pos[0])?;
    if vm.dict_data(args.pos[1]).is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let d = copy_of(vm, args.pos[0])?;
    vm.temps.push(d);
    let r = update(vm, d, args.pos[1]);
    vm.temps.pop();
    r.map(|()| d)
}

/// `other | dict` for a dict `other`.
fn dict_ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "dict.__ror__", 1, 1)?;
    the_dict(vm, args.pos[0])?;
    if vm.dict_data(args.pos[1]).is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let d = copy_of(vm, args.pos[1])?;
    vm.temps.push(d);
    let r = update(vm, d, args.pos[0]);
    vm.temps.pop();
    r.map(|()| d)
}

/// `dict |= other`: `update` with any mapping or iterable of pairs.
fn dict_ior(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "dict.__ior__", 1, 1)?;
    the_dict(vm, args.pos[0])?;
    update(vm, args.pos[0], args.pos[1])?;
    Ok(args.pos[0])
}

/// `dict.__contains__`
fn dict_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::from_bool(
        get_item(vm, args.pos[0], args.get(1).unwrap_or(Value::NONE))?.is_some(),
    ))
}

pub const METHODS: &[NativeMethod] = &[
    NativeMethod {
        name: "__new__",
        func: dict_new,
        sig: "",
        binding: super::Binding::Static,
    },
    m("__init__", dict_init, "($self, /, *args, **kwargs)"),
    m("get", dict_get, "($self, key, default=None, /)"),
    m(
        "setdefault",
        dict_setdefault,
        "($self, key, default=None, /)",
    ),
    m("pop", dict_pop, ""),
    m("popitem", dict_popitem, "($self, /)"),
    m("keys", dict_keys, ""),
    m("values", dict_values, ""),
    m("items", dict_items, ""),
    m("update", dict_update, ""),
    m("clear", dict_clear, ""),
    m("copy", dict_copy, ""),
    m("__getitem__", dict_getitem, ""),
    m("__contains__", dict_contains, ""),
    m("__setitem__", dict_setitem, "($self, key, value, /)"),
    m("__delitem__", dict_delitem, "($self, key, /)"),
    m("__len__", dict_len, "($self, /)"),
    m("__iter__", dict_iter, "($self, /)"),
    m("__or__", dict_or, "($self, value, /)"),
    m("__ror__", dict_ror, "($self, value, /)"),
    m("__ior__", dict_ior, "($self, value, /)"),
    cm(
        "fromkeys",
        dict_fromkeys,
        "($type, iterable, value=None, /)",
    ),
];

/// Whether a value is a small int (for fast paths elsewhere).
pub fn is_small(v: Value) -> bool {
    matches!(v.kind(), ValueKind::SmallInt(_))
}
