//! `set` and `frozenset` (CPython's Objects/setobject.c), not supported yet beyond reading.

use protopy_objects::{FrozenSetData, SetData, Value};

use super::NativeMethod;
use crate::ops::not_yet;
use crate::thread::{PyResult, Vm};

/// The elements of a set or frozenset.
pub fn elements(vm: &Vm, v: Value) -> Vec<Value> {
    if let Ok(s) = vm.m.get_value::<SetData>(v) {
        return s.elements();
    }
    match vm.m.get_value::<FrozenSetData>(v) {
        Ok(f) => f.table.iter().map(|e| e.key).collect(),
        Err(_) => Vec::new(),
    }
}

/// `len(set)`.
pub fn len(vm: &Vm, v: Value) -> usize {
    elements(vm, v).len()
}

/// `item in set`.
pub fn contains(vm: &mut Vm, set: Value, item: Value) -> PyResult<bool> {
    let _ = (set, item);
    Err(not_yet(vm, "set membership"))
}

/// `a op b` for two sets (`|`, `^`, `-`, `&`).
pub fn set_op(vm: &mut Vm, a: Value, b: Value, op: u32, inplace: bool) -> PyResult<Value> {
    let _ = (a, b, op, inplace);
    Err(not_yet(vm, "set operations"))
}

/// Comparison of two sets.
pub fn compare(vm: &mut Vm, a: Value, b: Value, op: usize) -> PyResult<bool> {
    let _ = (a, b, op);
    Err(not_yet(vm, "set comparison"))
}

pub const METHODS: &[NativeMethod] = &[];
