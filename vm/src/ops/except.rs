//! Raising and matching exceptions (CPython's Python/bytecodes.c `RAISE_VARARGS`, `RERAISE`,
//! `CHECK_EXC_MATCH`, and Python/ceval.c `do_raise`).

use protopy_objects::Value;

use crate::eval::Step;
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyErr, PyResult, Vm};
use crate::types::{exceptions, typeobj, Args};

/// An exception instance from `raise X` (`what`: "exceptions") or `from X` ("exception
/// causes"): classes are called with no arguments.
fn make_exception(vm: &mut Vm, v: Value, what: &str) -> PyResult<Value> {
    if typeobj::is_type(vm, v) {
        let h = v.as_handle().unwrap_or(vm.ty(Ty::Object));
        if typeobj::is_subtype(vm, h, vm.ty(Ty::BaseException)) {
            let exc = protocols::call::call(vm, v, Args::default())?;
            if !vm.is_instance_ty(exc, Ty::BaseException) {
                let (n, t) = (typeobj::type_name(vm, h), vm.type_name(exc));
                return Err(vm.type_error(&format!(
                    "calling {n} should have returned an instance of BaseException, not {t}"
                )));
            }
            return Ok(exc);
        }
    } else if vm.is_instance_ty(v, Ty::BaseException) {
        return Ok(v);
    }
    Err(vm.type_error(&format!("{what} must derive from BaseException")))
}

pub fn raise(vm: &mut Vm, arg: u32) -> Step {
    match arg {
        0 => {
            let h = vm.handled;
            if h.is_none() {
                return Err(vm.new_error(Ty::RuntimeError, "No active exception to reraise"));
            }
            vm.reraising = true;
            Err(PyErr { exc: h })
        }
        1 => {
            let v = vm.f().peek(1);
            let exc = make_exception(vm, v, "exceptions")?;
            exceptions::set_propagating(vm, exc, false);
            Err(PyErr { exc })
        }
        _ => {
            let (v, c) = (vm.f().peek(2), vm.f().peek(1));
            let exc = make_exception(vm, v, "exceptions")?;
            vm.temps.push(exc);
            let cause = if c.is_none() {
                Ok(Value::NONE)
            } else {
                make_exception(vm, c, "exception causes")
            };
            vm.temps.pop();
            exceptions::set_cause(vm, exc, cause?);
            exceptions::set_propagating(vm, exc, false);
            Err(PyErr { exc })
        }
    }
}

pub fn reraise(vm: &mut Vm, arg: u32) -> Step {
    let f = vm.f();
    let exc = f.pop();
    if arg != 0 {
        if let Some(n) = f.peek(arg as usize).as_small_int() {
            f.lasti = n as u32;
        }
    }
    vm.reraising = true;
    Err(PyErr { exc })
}

pub fn check_exc_match(vm: &mut Vm) -> Step {
    let (exc, ty) = (vm.f().peek(2), vm.f().peek(1));
    let types = match vm.tuple_items(ty) {
        Some(t) => t.to_vec(),
        None => vec![ty],
    };
    let mut hit = false;
    for t in types {
        let ok = t.as_handle().filter(|_| typeobj::is_type(vm, t));
        let Some(h) = ok.filter(|&h| typeobj::is_subtype(vm, h, vm.ty(Ty::BaseException))) else {
            return Err(vm.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ));
        };
        hit |= typeobj::is_subtype(vm, vm.type_of(exc), h);
    }
    super::replace_top(vm, 1, Value::from_bool(hit))
}
