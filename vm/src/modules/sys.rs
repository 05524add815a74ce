//! The `sys` module (CPython's Python/sysmodule.c): `argv`, `exit`, the recursion limit, and
//! stand-ins for `stdout`/`stderr` that `print(file=...)` recognises.
//! https://docs.python.org/3/library/sys.html

use std::sync::atomic::{AtomicUsize, Ordering};

use protopy_objects::Value;

use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};
use crate::types::{dict, function, module, sm, Args, NativeMethod};

/// `sys.exit([arg])`: raises `SystemExit(arg)`.
/// `sys.exit([arg])`: raises `SystemExit` as CPython's `PyErr_SetObject` builds it: no
/// arguments for `None`, a tuple's items as the arguments, any other object as the one argument.
fn exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "exit", 0, 1)?;
    let status = args.pos.first().copied().unwrap_or(Value::NONE);
    let exc_args = if status.is_none() {
        Vec::new()
    } else if let Some(items) = vm.tuple_items(status) {
        items.to_vec()
    } else {
        vec![status]
    };
    Err(vm.new_error_args(Ty::SystemExit, exc_args))
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

/// `sys.get_int_max_str_digits()`'s value: the most decimal digits `int`/`str` convert.
static INT_MAX_STR_DIGITS: AtomicUsize = AtomicUsize::new(crate::numeric::DEFAULT_MAX_STR_DIGITS);

/// The current limit of int/str conversions (0: none).
pub fn max_str_digits() -> usize {
    INT_MAX_STR_DIGITS.load(Ordering::Relaxed)
}

fn get_int_max_str_digits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "get_int_max_str_digits", 0, 0)?;
    vm.new_usize(max_str_digits())
}

fn set_int_max_str_digits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::types::num_slots::bind(
        vm,
        &args,
        "set_int_max_str_digits",
        0,
        &["maxdigits"],
        1,
        1,
    )?;
    let n = protocols::number::index_i64(vm, a[0].unwrap_or(Value::NONE))?;
    if n != 0 && n < 640 {
        return Err(vm.value_error("maxdigits must be >= 640 or 0 for unlimited"));
    }
    INT_MAX_STR_DIGITS.store(n as usize, Ordering::Relaxed);
    Ok(Value::NONE)
}

/// `sys.intern(string)`.
fn intern(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "intern", 1, 1)?;
    let v = args.pos[0];
    if !vm.is_exact(v, Ty::Str) {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!("intern() argument must be str, not {t}")));
    }
    let bytes = vm
        .str_data(v)
        .map(|d| d.as_bytes().to_vec())
        .unwrap_or_default();
    vm.rt
        .intern(&vm.m, &bytes)
        .map_err(|_| vm.new_error(Ty::MemoryError, ""))
}

fn getdefaultencoding(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "getdefaultencoding", 0, 0)?;
    vm.new_str("utf-8")
}

/// `sys.exception()`: the exception being handled, or None.
fn exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "exception", 0, 0)?;
    Ok(if vm.handled.is_null() {
        Value::NONE
    } else {
        vm.handled
    })
}

/// `sys.exc_info()`: `(type, value, traceback)` of the exception being handled.
fn exc_info(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "exc_info", 0, 0)?;
    let e = vm.handled;
    if e.is_null() || e.is_none() {
        return vm.new_tuple(vec![Value::NONE; 3]);
    }
    let tb = protocols::attr::getattr_str(vm, e, "__traceback__")?;
    let t = Value::from_handle(vm.type_of(e));
    vm.new_tuple(vec![t, e, tb])
}

pub const FUNCTIONS: &[NativeMethod] = &[
    sm("exc_info", exc_info, "($module, /)"),
    sm("exception", exception, "($module, /)"),
    sm("getdefaultencoding", getdefaultencoding, "($module, /)"),
    sm(
        "get_int_max_str_digits",
        get_int_max_str_digits,
        "($module, /)",
    ),
    sm("intern", intern, "($module, string, /)"),
    sm(
        "set_int_max_str_digits",
        set_int_max_str_digits,
        "($module, /, maxdigits)",
    ),
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
    for name in ["stdin", "stdout", "stderr"] {
        let s = module::new_module(vm, name)?;
        let k = vm.intern(name)?;
        dict::set_item(vm, d, k, s)?;
        // `sys.__stdout__` and the others: the streams the interpreter started with.
        let k = vm.intern(&format!("__{name}__"))?;
        dict::set_item(vm, d, k, s)?;
    }
    super::sys_info::install(vm, d)?;
    let modules = vm.rt.sys_modules;
    let k = vm.intern("sys")?;
    dict::set_item(vm, modules, k, m)?;
    *vm.rt.sys.lock() = m;
    vm.temps.pop();
    Ok(())
}
