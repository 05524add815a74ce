//! The exception state functions of `sys` (CPython's Python/sysmodule.c `sys_exception` and
//! `sys_exc_info`): https://docs.python.org/3/library/sys.html#sys.exception

use protopy_objects::Value;

use crate::thread::{PyResult, Vm};
use crate::types::{dict, function, module, sm, Args, NativeMethod};

/// `sys.exception()`: the exception being handled, or None.
fn exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "sys.exception", 0, 0)?;
    Ok(handled(vm))
}

/// `sys.exc_info()`: `(type, value, traceback)` of the exception being handled.
fn exc_info(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "sys.exc_info", 0, 0)?;
    let exc = handled(vm);
    if exc.is_none() {
        return vm.new_tuple(vec![Value::NONE; 3]);
    }
    let ty = Value::from_handle(vm.type_of(exc));
    let tb = vm
        .opaque::<crate::types::exceptions::ExcData>(exc)
        .map_or(Value::NONE, |d| *d.traceback.lock());
    vm.new_tuple(vec![ty, exc, tb])
}

fn handled(vm: &Vm) -> Value {
    if vm.handled.is_null() {
        Value::NONE
    } else {
        vm.handled
    }
}

pub const FUNCTIONS: &[NativeMethod] = &[
    sm("exception", exception, "($module, /)"),
    sm("exc_info", exc_info, "($module, /)"),
];

/// Adds the functions to the `sys` module made by `sys::install`.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let m = *vm.rt.sys.lock();
    let Some(d) = vm.opaque::<module::Module>(m).map(|m| m.dict) else {
        return Ok(());
    };
    for meth in FUNCTIONS {
        let f = function::new_module_native(vm, meth, "sys")?;
        let k = vm.intern(meth.name)?;
        dict::set_item(vm, d, k, f)?;
    }
    Ok(())
}
