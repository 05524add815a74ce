//! Making a native module from a function table (CPython's `PyModule_FromDefAndSpec` with a
//! `PyModuleDef`'s methods): a module object registered in `sys.modules`.

use protopy_objects::Value;

use crate::thread::{PyResult, Vm};
use crate::types::{dict, function, module, NativeMethod};

/// Creates module `name` with `functions`, registers it in `sys.modules`, and returns it with
/// its namespace dict. The caller roots the module (it is in `sys.modules`).
pub fn new_native_module(
    vm: &mut Vm,
    name: &'static str,
    functions: &[NativeMethod],
) -> PyResult<(Value, Value)> {
    let m = module::new_module(vm, name)?;
    vm.temps.push(m);
    let r = (|| {
        let d = vm
            .opaque::<module::Module>(m)
            .map(|m| m.dict)
            .unwrap_or(Value::NONE);
        for meth in functions {
            let f = function::new_module_native(vm, meth, name)?;
            let k = vm.intern(meth.name)?;
            dict::set_item(vm, d, k, f)?;
        }
        let modules = vm.rt.sys_modules;
        let k = vm.intern(name)?;
        dict::set_item(vm, modules, k, m)?;
        Ok((m, d))
    })();
    vm.temps.pop();
    r
}

/// Sets `d[name] = v`.
pub fn set_attr(vm: &mut Vm, d: Value, name: &str, v: Value) -> PyResult<()> {
    let k = vm.intern(name)?;
    dict::set_item(vm, d, k, v)
}
