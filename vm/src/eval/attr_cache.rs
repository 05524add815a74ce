//! Inline attribute caches for instances of classes (CPython's `LOAD_ATTR_INSTANCE_VALUE`,
//! `LOAD_ATTR_METHOD_WITH_VALUES` and `STORE_ATTR_INSTANCE_VALUE` in Python/bytecodes.c), kept
//! per thread and keyed by (type, name) rather than by instruction, so that no cache is shared
//! between threads. An entry is valid while the watched epoch is unchanged (see
//! `types::lookup_cache`): then the class's MRO, its `__getattribute__`/`__setattr__` and what
//! the name means on the class are what they were when the entry was made. The instance's own
//! `__dict__` is still read on every hit: a value is found at its remembered position (checked
//! by the key's identity), and a method is used only after checking the dict does not shadow it.
//! Anything else (no entry, stale position, other kinds of objects) takes the generic path.

use protopy_objects::{InstanceData, Value};

use crate::thread::Vm;
use crate::types::function::{Function, Native};
use crate::types::{dict, typeobj, Binding};

const SIZE: usize = 1024;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Empty,
    /// `obj.name` is an instance-dict value (the class has no attribute of that name).
    Value,
    /// `obj.name(...)` is a plain function on the class (the instance dict lacks the name).
    Method,
    /// `obj.name = v` stores into the instance dict (no data descriptor, no `__setattr__`).
    Store,
    /// `obj.name` is a `property` on the class whose getter is a plain Python function of one
    /// parameter (CPython's `LOAD_ATTR_PROPERTY`).
    Property,
    /// `obj.name` is no such property (a fact of the class, like the others): the property
    /// path is not tried again for it while the epoch stands.
    NoProperty,
    /// `cls.name` on a class whose metaclass is `type` finds a plain function or an immutable
    /// constant in the class's MRO (nothing on `type` itself): the value as it is.
    ClassAttr,
    /// `obj.name` on an instance finds no instance-dict entry and a constant on the class.
    ClassValue,
    /// `cls(...)` makes an `object` layout instance with `object.__new__` and runs the class's
    /// `__init__`, a plain Python function (CPython's `CALL_ALLOC_AND_ENTER_INIT`).
    Init,
}

#[derive(Clone, Copy)]
struct Entry {
    ty: u64,
    name: u64,
    epoch: u64,
    kind: Kind,
    /// Position of the name in the instance dict's table (Value, Store).
    hint: u32,
    /// The function (Method) or the getter (Property).
    func: Value,
}

const EMPTY: Entry = Entry {
    ty: u64::MAX,
    name: u64::MAX,
    epoch: u64::MAX,
    kind: Kind::Empty,
    hint: 0,
    func: Value::NULL,
};

/// A thread's attribute caches.
pub struct AttrCache {
    entries: Box<[Entry]>,
}

impl Default for AttrCache {
    fn default() -> Self {
        AttrCache {
            entries: vec![EMPTY; SIZE].into_boxed_slice(),
        }
    }
}

fn slot(ty: u64, name: u64, kind: Kind) -> usize {
    crate::types::lookup_cache::slot_of(ty, name, kind as u64, SIZE.trailing_zeros())
}

impl AttrCache {
    #[inline]
    fn get(&self, ty: u64, name: u64, kind: Kind, epoch: u64) -> Option<Entry> {
        let e = self.entries[slot(ty, name, kind)];
        (e.ty == ty && e.name == name && e.kind == kind && e.epoch == epoch).then_some(e)
    }

    /// Remembers what (`ty`, `name`) means as `kind`, valid while the epoch stays `epoch`.
    fn put(&mut self, ty: u64, name: u64, epoch: u64, kind: Kind, hint: u32, func: Value) {
        let e = Entry {
            ty,
            name,
            epoch,
            kind,
            hint,
            func,
        };
        self.entries[slot(ty, name, kind)] = e;
    }
}

/// The instance's `__dict__` (NULL when it has none) and its class's index, from one read of
/// the instance, for instances of classes. Entries are keyed by the class's index rather than
/// its full handle: a new class moves the watched epoch, so an index reused by a new class
/// cannot hit an entry made for the old one.
#[inline]
fn instance(vm: &Vm, obj: Value) -> Option<(Value, u64)> {
    let (i, ty) = vm.m.get_exact_and_type_index::<InstanceData>(obj).ok()?;
    Some((i.dict.load(), u64::from(ty)))
}
/// Whether the class looks attributes up the generic way (no `__getattribute__` written in
/// Python, the rule of `protocols::attr::getattr`), and
/// so does not need the hooks the generic path runs.
fn generic_getattribute(vm: &mut Vm, ty: protopy_objects::Handle) -> bool {
    typeobj::is_heap_type(vm, ty)
        && matches!(
            crate::protocols::attr::python_override(vm, ty, "__getattribute__"),
            Ok(None)
        )
}

fn is_plain_function(vm: &Vm, f: Value) -> bool {
    vm.opaque::<Function>(f).is_some()
        || vm
            .opaque::<Native>(f)
            .is_some_and(|n| n.binding == Binding::Method && n.bound.is_null())
}

/// `obj.name` from the cache, or after making an entry; None: use the generic path.
pub fn load_value(vm: &mut Vm, obj: Value, name: Value) -> Option<Value> {
    let (dict, t) = instance(vm, obj)?;
    let epoch = protopy_objects::table::watched_epoch();
    let n = name.to_bits();
    if let Some(e) = vm.attr_cache.get(t, n, Kind::Value, epoch) {
        let v = vm
            .dict_data(dict)
            .and_then(|d| d.lock().value_at(e.hint as usize, name));
        if v.is_some() {
            return v;
        }
    }
    if let Some(e) = vm.attr_cache.get(t, n, Kind::ClassValue, epoch) {
        if dict.is_null() || vm.dict_data(dict).is_some_and(|d| d.is_empty()) {
            return Some(e.func);
        }
        return match dict::get_item(vm, dict, name) {
            Ok(None) => Some(e.func),
            _ => None,
        };
    }
    // Miss: cache an instance value the class does not define at all, or a constant of the
    // class the instance does not shadow.
    let ty = vm.type_of(obj);
    if !generic_getattribute(vm, ty) {
        return None;
    }
    if let Some(v) = typeobj::lookup(vm, ty, name) {
        if !is_constant(vm, v) {
            return None;
        }
        let shadowed = !dict.is_null() && !matches!(dict::get_item(vm, dict, name), Ok(None));
        if shadowed {
            return None;
        }
        vm.attr_cache.put(t, n, epoch, Kind::ClassValue, 0, v);
        return Some(v);
    }
    if dict.is_null() {
        return None;
    }
    let found = vm.dict_data(dict).and_then(|d| {
        let t = d.lock();
        let pos = t.position_of_identical(name)?;
        Some((pos, t.value_at(pos, name)?))
    });
    let (pos, v) = found?;
    vm.attr_cache.put(
        t,
        n,
        epoch,
        Kind::Value,
        u32::try_from(pos).ok()?,
        Value::NULL,
    );
    Some(v)
}

/// The unbound function for `obj.name(...)` when `name` is a plain function of the class not
/// shadowed by the instance; None: use the generic path.
pub fn load_method(vm: &mut Vm, obj: Value, name: Value) -> Option<Value> {
    let Some((dict, t)) = instance(vm, obj) else {
        return builtin_method(vm, obj, name);
    };
    let epoch = protopy_objects::table::watched_epoch();
    let n = name.to_bits();
    let func = match vm.attr_cache.get(t, n, Kind::Method, epoch) {
        Some(e) => e.func,
        None => {
            let ty = vm.type_of(obj);
            if !generic_getattribute(vm, ty) {
                return None;
            }
            cache_method(vm, ty, t, name, epoch)?
        }
    };
    if !dict.is_null() {
        // The instance may shadow the method; any answer but "absent" takes the generic path.
        let d = vm.dict_data(dict)?;
        if d.is_empty() {
            return Some(func);
        }
        match dict::get_item(vm, dict, name) {
            Ok(None) => {}
            _ => return None,
        }
    }
    Some(func)
}

/// `obj.name = value` into the instance dict from the cache, or after making an entry; false:
/// use the generic path.
pub fn store_value(vm: &mut Vm, obj: Value, name: Value, value: Value) -> bool {
    let Some((dict, t)) = instance(vm, obj) else {
        return false;
    };
    if dict.is_null() {
        return false;
    }
    let epoch = protopy_objects::table::watched_epoch();
    let n = name.to_bits();
    if let Some(e) = vm.attr_cache.get(t, n, Kind::Store, epoch) {
        let stored = vm
            .dict_data(dict)
            .is_some_and(|d| d.lock().replace_at(e.hint as usize, name, value));
        if stored {
            return true;
        }
        // A plain store, but the name is new to this instance (as in `__init__`) or sits
        // elsewhere in its dict: the dict's own insertion.
        return crate::types::dict::set_item(vm, dict, name, value).is_ok();
    }
    // Miss: cache only when the class has no `__setattr__` of its own and no attribute of
    // that name (so no data descriptor), and the instance already has the name.
    let ty = vm.type_of(obj);
    let own_setattr = !matches!(
        crate::protocols::attr::python_override(vm, ty, "__setattr__"),
        Ok(None)
    );
    if own_setattr || !typeobj::is_heap_type(vm, ty) || typeobj::lookup(vm, ty, name).is_some() {
        return false;
    }
    let pos = vm.dict_data(dict).and_then(|d| {
        let mut t = d.lock();
        let pos = t.position_of_identical(name)?;
        t.replace_at(pos, name, value).then_some(pos)
    });
    let pos = match pos {
        Some(p) => p,
        None => {
            if crate::types::dict::set_item(vm, dict, name, value).is_err() {
                return false;
            }
            let at = vm
                .dict_data(dict)
                .and_then(|d| d.lock().position_of_identical(name));
            at.unwrap_or(u32::MAX as usize)
        }
    };
    let Ok(pos) = u32::try_from(pos) else {
        return true;
    };
    vm.attr_cache
        .put(t, n, epoch, Kind::Store, pos, Value::NULL);
    true
}

/// The getter of `obj.name` when `name` is a `property` of the instance's class whose getter
/// is a plain Python function of one parameter; None: use the generic path. A property is a
/// data descriptor, so the instance dict cannot shadow it.
// The paths tried after a miss are kept out of line: inlined into the dispatch loop they
// cost nbody 9% (`xtask/scripts/cpu-compare.sh`), by code layout alone.
#[inline(never)]
pub fn property_getter(vm: &mut Vm, obj: Value, name: Value) -> Option<Value> {
    let (_, t) = instance(vm, obj)?;
    let epoch = protopy_objects::table::watched_epoch();
    let n = name.to_bits();
    if let Some(e) = vm.attr_cache.get(t, n, Kind::Property, epoch) {
        return Some(e.func);
    }
    if vm.attr_cache.get(t, n, Kind::NoProperty, epoch).is_some() {
        return None;
    }
    let ty = vm.type_of(obj);
    let getter = plain_property_getter(vm, ty, name);
    let kind = if getter.is_some() {
        Kind::Property
    } else {
        Kind::NoProperty
    };
    vm.attr_cache
        .put(t, n, epoch, kind, 0, getter.unwrap_or(Value::NULL));
    getter
}

/// The getter of the `property` `name` of `ty`, when a load of it may call the getter
/// directly: generic attribute lookup, no `__getattr__` (a getter's AttributeError goes there),
/// an exact `property`, a plain Python getter of one parameter.
fn plain_property_getter(vm: &mut Vm, ty: protopy_objects::Handle, name: Value) -> Option<Value> {
    let has_getattr = !matches!(
        crate::protocols::attr::python_override(vm, ty, "__getattr__"),
        Ok(None)
    );
    if has_getattr || !generic_getattribute(vm, ty) {
        return None;
    }
    let desc = typeobj::lookup(vm, ty, name)?;
    if vm.type_of(desc) != vm.ty(crate::runtime::Ty::Property) {
        return None;
    }
    let getter = vm
        .opaque::<crate::types::descr::Property>(desc)?
        .fget
        .load();
    super::fast_call::takes_exactly(vm, getter, 1).then_some(getter)
}

/// The unbound method for `obj.name(...)` when `obj` is an instance of a builtin type that has
/// no instance dict (str, bytes, int, tuple, list, dict, set, ...: objects whose kind is not
/// `Instance`, `Type`, `Cell` or an interpreter-defined one) and `name` is a plain function of
/// its type (CPython's `LOAD_ATTR_METHOD_NO_DICT`); None: use the generic path.
#[inline(never)]
fn builtin_method(vm: &mut Vm, obj: Value, name: Value) -> Option<Value> {
    use protopy_objects::Kind as K;
    let t = match obj.as_handle() {
        Some(h) => match vm.m.kind_and_type_index(h).ok()? {
            (K::Instance | K::Type | K::Cell | K::Opaque, _) => return None,
            (_, ty) => u64::from(ty),
        },
        None => u64::from(vm.type_of(obj).index),
    };
    let epoch = protopy_objects::table::watched_epoch();
    let n = name.to_bits();
    if let Some(e) = vm.attr_cache.get(t, n, Kind::Method, epoch) {
        return Some(e.func);
    }
    let ty = vm.type_of(obj);
    if !matches!(
        crate::protocols::attr::python_override(vm, ty, "__getattribute__"),
        Ok(None)
    ) {
        return None;
    }
    cache_method(vm, ty, t, name, epoch)
}

/// The plain function `name` of `ty` (index `t`), remembered as a method entry; None when the
/// class has no such function. The caller has checked the class's `__getattribute__`.
fn cache_method(
    vm: &mut Vm,
    ty: protopy_objects::Handle,
    t: u64,
    name: Value,
    epoch: u64,
) -> Option<Value> {
    let f = typeobj::lookup(vm, ty, name)?;
    if !is_plain_function(vm, f) {
        return None;
    }
    vm.attr_cache
        .put(t, name.to_bits(), epoch, Kind::Method, 0, f);
    Some(f)
}

/// The `__init__` to run for `cls(*args)` with `n` positional arguments when instances of
/// `cls` are made by `object.__new__` alone: `cls` is a class of `object` layout whose
/// `__new__` is `object.__new__` and whose `__init__` is a plain Python function taking
/// `self` and exactly `n` more; None: use the generic path.
#[inline(never)]
pub fn plain_init(vm: &mut Vm, cls: protopy_objects::Handle, n: usize) -> Option<Value> {
    let t = u64::from(cls.index);
    let epoch = protopy_objects::table::watched_epoch();
    let name = (1u64 << 63) | n as u64;
    if let Some(e) = vm.attr_cache.get(t, name, Kind::Init, epoch) {
        return Some(e.func);
    }
    if !typeobj::is_heap_type(vm, cls)
        || typeobj::layout(vm, cls) != crate::runtime::Ty::Object
        || !matches!(
            crate::types::object::is_object_native(vm, cls, "__new__"),
            Ok(true)
        )
    {
        return None;
    }
    let init_name = vm.intern("__init__").ok()?;
    let init = typeobj::lookup(vm, cls, init_name)?;
    if !super::fast_call::takes_exactly(vm, init, n + 1) {
        return None;
    }
    vm.attr_cache.put(t, name, epoch, Kind::Init, 0, init);
    Some(init)
}

/// Whether `v` is a value of an immutable builtin type, which has no `__get__`: reading it
/// from a class gives it as it is.
fn is_constant(vm: &Vm, v: Value) -> bool {
    use protopy_objects::Kind as K;
    match v.as_handle() {
        None => !v.is_null(),
        Some(h) => matches!(
            vm.m.kind(h),
            Ok(K::Str | K::Bytes | K::Int | K::Tuple | K::FrozenSet)
        ),
    }
}

/// `cls.name` for a class whose metaclass is exactly `type`, when the name is nothing of
/// `type`'s and the class's MRO gives a plain Python function or a constant; None: use the
/// generic path.
#[inline(never)]
pub fn class_attr(vm: &mut Vm, obj: Value, name: Value) -> Option<Value> {
    let h = obj.as_handle()?;
    if vm.m.kind_and_type_index(h).ok()?.0 != protopy_objects::Kind::Type {
        return None;
    }
    let t = u64::from(h.index);
    let epoch = protopy_objects::table::watched_epoch();
    let n = name.to_bits();
    if let Some(e) = vm.attr_cache.get(t, n, Kind::ClassAttr, epoch) {
        return Some(e.func);
    }
    let meta = vm.type_of(obj);
    if meta != vm.ty(crate::runtime::Ty::Type) || typeobj::lookup(vm, meta, name).is_some() {
        return None;
    }
    let v = typeobj::lookup(vm, h, name)?;
    if vm.opaque::<Function>(v).is_none() && !is_constant(vm, v) {
        return None;
    }
    vm.attr_cache.put(t, n, epoch, Kind::ClassAttr, 0, v);
    Some(v)
}
