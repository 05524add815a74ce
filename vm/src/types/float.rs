//! `float` and `complex` (CPython's Objects/floatobject.c and complexobject.c): the method
//! tables, and complex values, which are not supported yet.

use protopy_objects::Value;

use super::{Getter, NativeMethod, Setter};
use crate::ops::not_yet;
use crate::thread::{PyResult, Vm};

/// A complex number (not supported yet).
pub fn new_complex(vm: &mut Vm, real: f64, imag: f64) -> PyResult<Value> {
    let _ = (real, imag);
    Err(not_yet(vm, "complex numbers"))
}

/// `a op b` where one side is complex.
pub fn complex_binary(vm: &mut Vm, a: Value, b: Value, op: u32) -> PyResult<Option<Value>> {
    let _ = (a, b, op);
    Err(not_yet(vm, "complex numbers"))
}

/// `-v`, `+v` of a complex.
pub fn complex_unary(vm: &mut Vm, v: Value, op: u8) -> PyResult<Value> {
    let _ = (v, op);
    Err(not_yet(vm, "complex numbers"))
}

/// `a == b` where one side is complex; None for NotImplemented.
pub fn complex_eq(vm: &mut Vm, a: Value, b: Value) -> PyResult<Option<bool>> {
    let _ = (a, b);
    Err(not_yet(vm, "complex numbers"))
}

pub const METHODS: &[NativeMethod] = &[];

pub const GETSETS: &[(&str, Getter, Option<Setter>)] = &[];
