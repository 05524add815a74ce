//! The abstract object protocols (CPython's Objects/abstract.c and Objects/object.c): truth,
//! hashing, and the submodules for attributes, calls, comparisons, items, iteration, numbers
//! and str()/repr().

pub mod attr;
pub mod call;
pub mod compare;
pub mod format;
pub mod instance;
pub mod item;
pub mod iter;
pub mod number;
pub mod repr;
pub mod strhash;

use protopy_objects::{BytesData, IntData, StrData, TupleData, Value, ValueKind};

use crate::numeric;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};
use crate::types::Args;

/// `bool(v)` (`PyObject_IsTrue`): https://docs.python.org/3/library/stdtypes.html#truth
pub fn truth(vm: &mut Vm, v: Value) -> PyResult<bool> {
    match v.kind() {
        ValueKind::Bool(b) => return Ok(b),
        ValueKind::None | ValueKind::Null => return Ok(false),
        ValueKind::SmallInt(n) => return Ok(n != 0),
        ValueKind::Float(f) => return Ok(f != 0.0),
        ValueKind::NotImplemented => {
            return Err(vm.type_error("NotImplemented should not be used in a boolean context"))
        }
        _ => {}
    }
    let ty = vm.type_of(v);
    if !crate::types::typeobj::is_heap_type(vm, ty) {
        match vm.layout_of(v) {
            Ty::Int => return Ok(true),
            Ty::Str => return Ok(vm.str_data(v).is_some_and(|s| !s.is_empty())),
            Ty::List => return Ok(vm.list_data(v).is_some_and(|l| !l.is_empty())),
            Ty::Tuple => return Ok(vm.tuple_items(v).is_some_and(|t| !t.is_empty())),
            Ty::Dict => return Ok(vm.dict_data(v).is_some_and(|d| !d.is_empty())),
            Ty::Set | Ty::FrozenSet => return Ok(crate::types::set::len(vm, v) != 0),
            Ty::Range => {
                return Ok(vm
                    .opaque::<crate::types::range::RangeData>(v)
                    .is_some_and(|r| !r.is_empty()))
            }
            _ => {}
        }
    }
    let bool_name = vm.intern("__bool__")?;
    if let Some(f) = attr::lookup_type_attr(vm, ty, bool_name) {
        if f.is_none() {
            let t = vm.type_name(v);
            return Err(vm.type_error(&format!("'{t}' cannot be interpreted as a boolean")));
        }
        let r = call::call(vm, f, Args::new(vec![v]))?;
        return match r.as_bool() {
            Some(b) => Ok(b),
            None => {
                let t = vm.type_name(r);
                Err(vm.type_error(&format!("__bool__ should return bool, returned {t}")))
            }
        };
    }
    let len_name = vm.intern("__len__")?;
    if attr::lookup_type_attr(vm, ty, len_name).is_some() {
        return Ok(item::len(vm, v)? != 0);
    }
    Ok(true)
}

/// `hash(v)`: https://docs.python.org/3/library/functions.html#hash
pub fn hash(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match v.kind() {
        ValueKind::SmallInt(n) => return Ok(numeric::int_bits::hash(&numeric::Int::Small(n))),
        ValueKind::Bool(b) => return Ok(b as i64),
        ValueKind::Float(f) => {
            return Ok(match numeric::float::hash(f) {
                numeric::NumHash::Value(h) => h,
                numeric::NumHash::Identity => identity_hash(v),
            })
        }
        ValueKind::None => return Ok(0xFCA86420),
        ValueKind::Handle(_) => {}
        _ => return Ok(identity_hash(v)),
    }
    if let Ok(s) = vm.m.get_value::<StrData>(v) {
        if let Some(h) = s.hash().get() {
            return Ok(h);
        }
        if crate::types::subclass::native_slot(vm, vm.type_of(v), "__hash__") {
            let Ok(s) = vm.m.get_value::<StrData>(v) else {
                return Ok(identity_hash(v));
            };
            let h = strhash::hash_str(s);
            s.hash().set(h);
            return Ok(h);
        }
    }
    let ty = vm.type_of(v);
    if crate::types::subclass::native_slot(vm, ty, "__hash__") {
        let b = crate::types::subclass::base_value(vm, v);
        if b != v && b.as_handle().is_none() {
            return hash(vm, b);
        }
        if let Ok(i) = vm.m.get_value::<IntData>(v) {
            return Ok(numeric::int_bits::hash(&numeric::Int::Big(i.0.clone())));
        }
        if let Ok(b) = vm.m.get_value::<BytesData>(v) {
            return Ok(strhash::hash_bytes(&b.bytes));
        }
        if let Ok(t) = vm.m.get_value::<TupleData>(v) {
            let items: Vec<Value> = t.items.to_vec();
            // Nested tuples hash recursively: bounded like other native recursion.
            vm.enter_native(" while hashing a tuple")?;
            let r = tuple_hash(vm, &items);
            vm.exit_native();
            return r;
        }
        if let Some(h) = crate::types::set::frozenset_hash(vm, v) {
            return Ok(h);
        }
        if let Some(h) = crate::types::range::range_hash(vm, v)? {
            return Ok(h);
        }
        if let Some(h) = crate::types::slice::slice_hash(vm, v)? {
            return Ok(h);
        }
    }
    let name = vm.intern("__hash__")?;
    match attr::lookup_type_attr(vm, ty, name) {
        Some(f) if f.is_none() => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!("unhashable type: '{t}'")))
        }
        Some(f) => {
            if let Some(n) = vm.opaque::<crate::types::function::Native>(f) {
                if n.name == "__hash__" && n.owner == Some(Ty::Object) {
                    return Ok(identity_hash(v));
                }
            }
            let r = call::call(vm, f, Args::new(vec![v]))?;
            match vm.int_of(r) {
                Some(i) => Ok(match i {
                    numeric::Int::Small(n) if n != -1 => n,
                    i => {
                        let h = numeric::int_bits::hash(&i);
                        if h == -1 {
                            -2
                        } else {
                            h
                        }
                    }
                }),
                None => Err(vm.type_error("__hash__ method should return an integer")),
            }
        }
        None => Ok(identity_hash(v)),
    }
}

/// The hash of an object without `__hash__`: from its identity (`_Py_HashPointer`).
pub fn identity_hash(v: Value) -> i64 {
    let bits = v.to_bits();
    (bits.rotate_right(4) & 0x7FFF_FFFF_FFFF_FFFF) as i64
}

/// `tuple.__hash__` (xxHash-based, as CPython's `tuplehash`).
pub fn tuple_hash(vm: &mut Vm, items: &[Value]) -> PyResult<i64> {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc: u64 = P5;
    for &it in items {
        let lane = hash(vm, it)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as i64)
}

/// The number `id(v)` gives and reprs show after `at 0x` (CPython's object address): distinct
/// for every live object, shaped like a user-space address so it always has a dozen hex digits.
pub fn address(v: Value) -> i64 {
    match v.as_handle() {
        Some(_) => 0x7F00_0000_0000 + (((v.to_bits() & 0xFFFF_FFFF_FFFF) << 4) as i64),
        None => (v.to_bits() & 0x7FFF_FFFF_FFFF) as i64,
    }
}
