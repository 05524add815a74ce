//! The `sys` module (CPython's Python/sysmodule.c): `argv`, `exit`, the recursion limit, and
//! stand-ins for `stdout`/`stderr` that `print(file=...)` recognises.
//! https://docs.python.org/3/library/sys.html

use std::sync::atomic::Ordering;

use protopy_objects::Value;

use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};
use crate::types::{dict, function, module, sm, Args, NativeMethod};

/// `sys.exit([arg])`: raises `SystemExit(arg)`.
fn exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "exit", 0, 1)?;
    Err(vm.new_error_args(Ty::SystemExit, args.pos))
}

fn getrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "getrecursionlimit", 0, 0)?;
    vm.new_usize(vm.rt.recursion_limit.load(Ordering::Relaxed))
}

fn setrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "setrecursionlimit", 1, 1)?;
    let n = protocols::number::index_i64(vm, args.pos[0])?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    vm.rt.recursion_limit.store(n as usize, Ordering::Relaxed);
    Ok(Value::NONE)
}

pub const FUNCTIONS: &[NativeMethod] = &[
    sm("exit", exit, "($module, status=None, /)"),
    sm("getrecursionlimit", getrecursionlimit, "($module, /)"),
    sm(
        "setrecursionlimit",
        setrecursionlimit,
        "($module, limit, /)",
    ),
];

pub fn install(vm: &mut Vm) -> PyResult<()> {
    let m = module::new_module(vm, "sys")?;
    vm.temps.push(m);
    let d = vm
        .opaque::<module::Module>(m)
        .map(|m| m.dict)
        .unwrap_or(Value::NONE);
    for meth in FUNCTIONS {
        let f = function::new_module_native(vm, meth, "sys")?;
        let k = vm.intern(meth.name)?;
        dict::set_item(vm, d, k, f)?;
    }
    let argv = vm.rt.config.lock().argv.clone();
    let mut items = Vec::with_capacity(argv.len());
    for a in &argv {
        let s = vm.new_str(a)?;
        vm.temps.push(s);
        items.push(s);
    }
    let l = vm.new_list(items);
    vm.temps.truncate(vm.temps.len() - argv.len());
    let k = vm.intern("argv")?;
    dict::set_item(vm, d, k, l?)?;
    // Stand-ins until `_io` exists: module objects named after the streams.
    for name in ["stdout", "stderr"] {
        let s = module::new_module(vm, name)?;
        let k = vm.intern(name)?;
        dict::set_item(vm, d, k, s)?;
    }
    let modules = vm.rt.sys_modules;
    let k = vm.intern("sys")?;
    dict::set_item(vm, modules, k, m)?;
    *vm.rt.sys.lock() = m;
    vm.temps.pop();
    Ok(())
}
