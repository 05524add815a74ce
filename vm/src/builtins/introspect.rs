//! `issubclass`, `delattr` and `breakpoint` (CPython's Python/bltinmodule.c
//! `builtin_issubclass_impl`, `builtin_delattr_impl`, `builtin_breakpoint`).
//! https://docs.python.org/3/library/functions.html#issubclass

use protopy_objects::Value;

use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};
use crate::types::{dict, sm, typeobj, Args, NativeMethod};

/// `issubclass(cls, classinfo)` for one class or a (nested) tuple of them.
fn subclass_of(vm: &mut Vm, cls: Value, info: Value) -> PyResult<bool> {
    if let Some(items) = vm.tuple_items(info).map(|t| t.to_vec()) {
        vm.enter_native(" in __subclasscheck__")?;
        let mut r = Ok(false);
        for c in items {
            match subclass_of(vm, cls, c) {
                Ok(false) => {}
                other => {
                    r = other;
                    break;
                }
            }
        }
        vm.exit_native();
        return r;
    }
    let Some(ih) = info.as_handle().filter(|_| typeobj::is_type(vm, info)) else {
        return Err(
            vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")
        );
    };
    let meta = vm.type_of(info);
    if typeobj::is_heap_type(vm, meta) {
        if let Some(r) = protocols::call::call_special(vm, info, "__subclasscheck__", vec![cls])? {
            return protocols::truth(vm, r);
        }
    }
    let Some(ch) = cls.as_handle().filter(|_| typeobj::is_type(vm, cls)) else {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    };
    Ok(typeobj::is_subtype(vm, ch, ih))
}

/// `issubclass(class, classinfo, /)`.
fn issubclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "issubclass", 2, 2)?;
    subclass_of(vm, args.pos[0], args.pos[1]).map(Value::from_bool)
}

/// `delattr(object, name, /)`.
fn delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "delattr", 2, 2)?;
    let name = args.pos[1];
    if vm.str_data(name).is_none() {
        let t = vm.type_name(name);
        return Err(vm.type_error(&format!("attribute name must be string, not '{t}'")));
    }
    protocols::attr::setattr(vm, args.pos[0], name, Value::NULL)?;
    Ok(Value::NONE)
}

/// `breakpoint(*args, **kws)`: calls `sys.breakpointhook(*args, **kws)`.
fn breakpoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let sys = *vm.rt.sys.lock();
    let hook = match vm
        .opaque::<crate::types::module::Module>(sys)
        .map(|m| m.dict)
    {
        Some(d) => dict::get_str(vm, d, "breakpointhook")?,
        None => None,
    };
    match hook {
        Some(h) => protocols::call::call(vm, h, args),
        None => Err(vm.new_error(Ty::RuntimeError, "lost sys.breakpointhook")),
    }
}

/// The functions of this file, added to `builtins`.
pub const FUNCTIONS: &[NativeMethod] = &[
    sm("breakpoint", breakpoint, "($module, /, *args, **kws)"),
    sm("delattr", delattr, "($module, obj, name, /)"),
    sm(
        "issubclass",
        issubclass,
        "($module, cls, class_or_tuple, /)",
    ),
];

/// `exit(code=None)` / `quit(code=None)`, which `site` adds (Lib/_sitebuiltins.py `Quitter`):
/// closes `sys.stdin` and raises `SystemExit(code)`.
fn quitter(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    args.check(vm, name, 0, 1)?;
    let sys = *vm.rt.sys.lock();
    let stdin = match vm
        .opaque::<crate::types::module::Module>(sys)
        .map(|m| m.dict)
    {
        Some(d) => dict::get_str(vm, d, "stdin")?,
        None => None,
    };
    if let Some(s) = stdin.filter(|s| !s.is_none()) {
        vm.temps.push(s);
        let _ = protocols::call::call_method(vm, s, "close", vec![]);
        vm.temps.pop();
    }
    let code = args.get(0).unwrap_or(Value::NONE);
    Err(vm.new_error_args(Ty::SystemExit, vec![code]))
}

fn exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    quitter(vm, args, "exit")
}

fn quit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    quitter(vm, args, "quit")
}

/// `help(...)`: the interactive help system (pydoc) does not run on protopy yet.
fn help(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(crate::ops::not_yet(vm, "help()"))
}

/// The functions `site` adds to `builtins`.
pub const SITE_FUNCTIONS: &[NativeMethod] = &[
    sm("exit", exit, "($module, code=None, /)"),
    sm("help", help, "($module, /, *args, **kwds)"),
    sm("quit", quit, "($module, code=None, /)"),
];
