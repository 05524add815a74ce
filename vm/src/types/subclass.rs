//! Instances of subclasses of builtin types (CPython's `subtype_new` path of `type_call` and
//! `tp_new` for a type whose native base is not `object`, Objects/typeobject.c): such an
//! instance is an `InstanceData` (its `__dict__` and `__slots__`) carrying the native base
//! value, whose component native code reads through it (docs/design/0005).

use protopy_objects::{Handle, InstanceData, IntData, Value};

use super::{typeobj, Args, NativeFn};
use crate::runtime::{tyflags, Ty};
use crate::thread::{PyResult, Vm};

/// Whether instances of subclasses of `ty` carry a native base value (exceptions and types
/// are their own entities typed by the subclass; `object` has no native value).
pub fn carries_base(ty: Ty) -> bool {
    !matches!(ty, Ty::Object | Ty::Type | Ty::Module) && !ty.is_exception()
}

/// Builtin types whose `__new__` ignores its arguments and whose `__init__` fills the value.
fn filled_by_init(ty: Ty) -> bool {
    matches!(ty, Ty::List | Ty::Dict | Ty::Set | Ty::ByteArray)
}

/// Whether instances of `cls` have a `__dict__`.
pub fn has_dict(vm: &Vm, cls: Handle) -> bool {
    typeobj::is_heap_type(vm, cls) && typeobj::flags(vm, cls) & tyflags::NO_DICT == 0
}

/// How many `__slots__` values instances of `cls` hold.
pub fn slot_count(vm: &Vm, cls: Handle) -> usize {
    ((typeobj::flags(vm, cls) & tyflags::SLOTS_MASK) >> tyflags::SLOTS_SHIFT) as usize
}

/// A new instance of `cls` carrying `base` (`NULL`: none), with a `__dict__` when the class
/// has one and room for its slots.
pub fn new_instance(vm: &mut Vm, cls: Handle, base: Value) -> PyResult<Value> {
    let mark = vm.temps.len();
    let base = match base.kind() {
        protopy_objects::ValueKind::SmallInt(_) | protopy_objects::ValueKind::Bool(_) => {
            match vm.int_of(base) {
                Some(i) => vm.alloc(Ty::Int, IntData(i.to_bigint()))?,
                None => base,
            }
        }
        _ => base,
    };
    vm.temps.push(base);
    let dict = if has_dict(vm, cls) {
        vm.new_dict()?
    } else {
        Value::NULL
    };
    vm.temps.push(dict);
    let n = slot_count(vm, cls);
    let r = vm.alloc_typed(cls, InstanceData::with_base(dict, n, base));
    vm.temps.truncate(mark);
    r
}

/// The native base value of an instance of a builtin type's subclass, or `v` itself.
pub fn base_value(vm: &Vm, v: Value) -> Value {
    match vm.m.get_value::<InstanceData>(v) {
        Ok(i) => {
            let b = i.base.load();
            if b.is_null() {
                v
            } else {
                b
            }
        }
        Err(_) => v,
    }
}

/// Calls the native `__new__` of builtin `owner` (`owner.__new__(cls, ...)`): checks `cls`,
/// builds the native value as `owner` would, then wraps it in an instance of `cls` when `cls`
/// is a subclass.
pub fn call_native_new(vm: &mut Vm, owner: Ty, f: NativeFn, mut args: Args) -> PyResult<Value> {
    let Some(&cls) = args.pos.first() else {
        return Err(vm.type_error(&format!("{}.__new__(): not enough arguments", owner.name())));
    };
    if !typeobj::is_type(vm, cls) {
        let t = vm.type_name(cls);
        return Err(vm.type_error(&format!(
            "{0}.__new__(X): X is not a type object ({t})",
            owner.name()
        )));
    }
    let Some(h) = cls.as_handle() else {
        return f(vm, args);
    };
    let oh = vm.ty(owner);
    if h == oh {
        return f(vm, args);
    }
    if !typeobj::is_subtype(vm, h, oh) {
        let n = typeobj::type_name(vm, h);
        return Err(vm.type_error(&format!(
            "{0}.__new__({n}): {n} is not a subtype of {0}",
            owner.name()
        )));
    }
    let lay = typeobj::layout(vm, h);
    if lay != owner {
        let n = typeobj::type_name(vm, h);
        return Err(vm.type_error(&format!(
            "{}.__new__({n}) is not safe, use {}.__new__()",
            owner.name(),
            lay.name()
        )));
    }
    args.pos[0] = Value::from_handle(oh);
    if filled_by_init(owner) {
        args.pos.truncate(1);
        args.kw.clear();
    }
    let base = f(vm, args)?;
    vm.temps.push(base);
    let r = new_instance(vm, h, base);
    vm.temps.pop();
    r
}

/// Whether the protocols may use `ty`'s native layout for the special method `name`: `ty` is a
/// builtin type, or a subclass whose `name` is not defined in Python.
pub fn native_slot(vm: &mut Vm, ty: Handle, name: &str) -> bool {
    if !typeobj::is_heap_type(vm, ty) {
        return true;
    }
    if name == "__getitem__" && typeobj::layout(vm, ty) == Ty::Dict {
        // Through `dict.__getitem__`, which asks `__missing__`.
        return false;
    }
    let Ok(n) = vm.intern(name) else {
        return false;
    };
    match typeobj::lookup(vm, ty, n) {
        Some(f) => vm.opaque::<super::function::Native>(f).is_some(),
        None => true,
    }
}

/// The container special methods of a builtin type as methods (CPython's slot wrappers), so
/// that `super().__getitem__(k)` and `list.__len__(x)` work on a subclass instance: each
/// applies the builtin protocol to the native base value. Installed before the type's own
/// table, whose entries win.
pub fn slot_wrappers_of(ty: Ty) -> &'static [super::NativeMethod] {
    // Only the methods whose protocol has a native path for `ty`: the protocols fall back to
    // the special method for the others, which would come back here.
    match ty {
        Ty::List => LIST_SLOTS,
        Ty::Tuple => TUPLE_SLOTS,
        Ty::Str => STR_SLOTS,
        Ty::Dict => DICT_SLOTS,
        Ty::Set | Ty::FrozenSet => SET_SLOTS,
        Ty::Bytes => BYTES_SLOTS,
        _ => &[],
    }
}

/// Applies `f` to the native base value of `args.pos[0]`, counting the level of native
/// recursion.
fn on_base<R>(
    vm: &mut Vm,
    args: &Args,
    f: impl FnOnce(&mut Vm, Value) -> PyResult<R>,
) -> PyResult<R> {
    let b = base_value(vm, args.pos[0]);
    vm.enter_native("")?;
    let r = f(vm, b);
    vm.exit_native();
    r
}

fn slot_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__getitem__", 1, 1)?;
    let k = args.pos[1];
    on_base(vm, &args, |vm, b| crate::protocols::item::getitem(vm, b, k))
}

/// `dict.__getitem__`: a subclass's `__missing__` answers for a missing key.
fn dict_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__getitem__", 1, 1)?;
    let (this, key) = (args.pos[0], args.pos[1]);
    let b = base_value(vm, this);
    if let Some(v) = super::dict::get_item(vm, b, key)? {
        return Ok(v);
    }
    if b != this {
        if let Some(r) = crate::protocols::call::call_special(vm, this, "__missing__", vec![key])? {
            return Ok(r);
        }
    }
    Err(super::dict::key_error(vm, key))
}

fn slot_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__setitem__", 2, 2)?;
    let (k, v) = (args.pos[1], args.pos[2]);
    on_base(vm, &args, |vm, b| {
        crate::protocols::item::setitem(vm, b, k, v)
    })?;
    Ok(Value::NONE)
}

fn slot_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__delitem__", 1, 1)?;
    let k = args.pos[1];
    on_base(vm, &args, |vm, b| {
        crate::protocols::item::setitem(vm, b, k, Value::NULL)
    })?;
    Ok(Value::NONE)
}

fn slot_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__len__", 0, 0)?;
    let n = on_base(vm, &args, crate::protocols::item::len)?;
    vm.new_usize(n)
}

fn slot_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__contains__", 1, 1)?;
    let k = args.pos[1];
    on_base(vm, &args, |vm, b| {
        crate::protocols::item::contains(vm, b, k)
    })
    .map(Value::from_bool)
}

fn slot_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__iter__", 0, 0)?;
    on_base(vm, &args, crate::protocols::iter::get_iter)
}

fn slot_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__repr__", 0, 0)?;
    let s = on_base(vm, &args, crate::protocols::repr::repr)?;
    vm.new_str(&s)
}

const GETITEM: super::NativeMethod = super::m("__getitem__", slot_getitem, "($self, key, /)");
const SETITEM: super::NativeMethod =
    super::m("__setitem__", slot_setitem, "($self, key, value, /)");
const DELITEM: super::NativeMethod = super::m("__delitem__", slot_delitem, "($self, key, /)");
const LEN: super::NativeMethod = super::m("__len__", slot_len, "($self, /)");
const CONTAINS: super::NativeMethod = super::m("__contains__", slot_contains, "($self, key, /)");
const ITER: super::NativeMethod = super::m("__iter__", slot_iter, "($self, /)");
const REPR: super::NativeMethod = super::m("__repr__", slot_repr, "($self, /)");

const LIST_SLOTS: &[super::NativeMethod] = &[GETITEM, SETITEM, DELITEM, LEN, ITER, REPR];
const TUPLE_SLOTS: &[super::NativeMethod] = &[GETITEM, LEN, ITER, REPR];
const STR_SLOTS: &[super::NativeMethod] = &[GETITEM, LEN, CONTAINS, ITER, REPR];
const BYTES_SLOTS: &[super::NativeMethod] = &[LEN, REPR];
const DICT_SLOTS: &[super::NativeMethod] = &[
    super::m("__getitem__", dict_getitem, "($self, key, /)"),
    SETITEM,
    DELITEM,
    LEN,
    CONTAINS,
    ITER,
    REPR,
];
const SET_SLOTS: &[super::NativeMethod] = &[LEN, CONTAINS, REPR];
