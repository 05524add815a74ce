//! `_typing`, the native part of `typing` (CPython's Modules/_typingmodule.c): the PEP 695
//! types `TypeVar`, `ParamSpec`, `TypeVarTuple`, `TypeAliasType`, `Generic` and the
//! `NoDefault` singleton, available without importing `typing`.

use super::native_module::{new_native_module, set_attr};
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};
use crate::types::typevar::NoDefault;

pub fn install(vm: &mut Vm) -> PyResult<()> {
    let (m, d) = new_native_module(vm, "_typing", &[])?;
    vm.temps.push(m);
    let r = (|| {
        for ty in [
            Ty::TypeVar,
            Ty::ParamSpec,
            Ty::TypeVarTuple,
            Ty::TypeAliasType,
        ] {
            let t = vm.ty_val(ty);
            set_attr(vm, d, ty.name(), t)?;
        }
        let none = vm.new_opaque(Ty::NoDefaultType, NoDefault)?;
        set_attr(vm, d, "NoDefault", none)
    })();
    vm.temps.pop();
    r
}
