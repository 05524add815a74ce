//! The native modules, gathered in one registry (CPython's Modules/config.c and `linit.c`):
//! each a name and a table of functions, made at start-up into `sys.modules`.

pub mod sys;

use crate::thread::{PyResult, Vm};

/// Creates every native module and registers it in `sys.modules`.
pub fn install_all(vm: &mut Vm) -> PyResult<()> {
    sys::install(vm)?;
    crate::import::install(vm)
}
