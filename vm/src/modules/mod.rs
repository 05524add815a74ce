//! The native modules, gathered in one registry (CPython's Modules/config.c and `linit.c`):
//! each a name and a table of functions, made at start-up into `sys.modules`.

pub mod io;
pub mod io_methods;
pub mod io_open;
pub mod math;
pub mod native_module;
pub mod os;
pub mod sys;
pub mod sys_async;
pub mod sys_exc;
pub mod sys_info;
pub mod time;
pub mod time_zone;
pub mod typing;

use crate::thread::{PyResult, Vm};

/// Creates every native module and registers it in `sys.modules`.
pub fn install_all(vm: &mut Vm) -> PyResult<()> {
    sys::install(vm)?;
    math::install(vm)?;
    time::install(vm)?;
    sys_exc::install(vm)?;
    sys_async::install(vm)?;
    crate::import::install(vm)?;
    io_open::install(vm)?;
    os::install(vm)?;
    typing::install(vm)?;
    sys_info::set_builtin_module_names(vm)?;
    crate::import::spec::mark_builtin_modules(vm)
}
