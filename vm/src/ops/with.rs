//! The `with` statement's opcodes (CPython's Python/bytecodes.c `LOAD_SPECIAL` and
//! `WITH_EXCEPT_START`, with the messages of `_Py_SpecialMethods` in Python/ceval.c).

use protopy_compiler::bytecode::opcodes::SPECIAL_METHODS;
use protopy_objects::Value;

use crate::eval::Step;
use crate::protocols;
use crate::thread::{PyErr, Vm};
use crate::types::function::{Function, Native};
use crate::types::{typeobj, Args, Binding};

/// `LOAD_SPECIAL`: `owner` → `method, self_or_null`, the special method looked up on the type
/// only (instance attributes do not count).
pub fn load_special(vm: &mut Vm, arg: u32) -> Step {
    let owner = vm.f().peek(1);
    let Some(&name) = SPECIAL_METHODS.get(arg as usize) else {
        return Err(super::not_yet(vm, "this special method"));
    };
    let key = vm.intern(name)?;
    let ty = vm.type_of(owner);
    let Some(descr) = typeobj::lookup(vm, ty, key) else {
        return Err(missing_special(vm, owner, arg));
    };
    let is_method = vm.opaque::<Function>(descr).is_some()
        || vm
            .opaque::<Native>(descr)
            .is_some_and(|n| n.binding == Binding::Method && n.bound.is_null());
    let (meth, this) = if is_method {
        (descr, owner)
    } else {
        let bound = protocols::attr::bind(vm, descr, owner, Value::from_handle(ty))?;
        (bound, Value::NULL)
    };
    let f = vm.f();
    f.pop();
    f.push(meth);
    f.push(this);
    Ok(None)
}

/// The `TypeError` for an object without the special method `SPECIAL_METHODS[arg]`.
#[cold]
fn missing_special(vm: &mut Vm, owner: Value, arg: u32) -> PyErr {
    // `%T`: the type's fully qualified name (`type.__fully_qualified_name__`).
    let owner_ty = vm.type_of(owner);
    let qualname = typeobj::type_qualname(vm, owner_ty);
    let t = match typeobj::type_module(vm, owner_ty) {
        Some(m) if m != "builtins" && m != "__main__" => format!("{m}.{qualname}"),
        _ => qualname,
    };
    let (protocol, missed, other, other_names, keyword) = match arg {
        0 => (
            "the context manager protocol",
            "__enter__",
            "the asynchronous context manager protocol",
            ["__aenter__", "__aexit__"],
            "async with",
        ),
        1 => (
            "the context manager protocol",
            "__exit__",
            "the asynchronous context manager protocol",
            ["__aenter__", "__aexit__"],
            "async with",
        ),
        2 => (
            "the asynchronous context manager protocol",
            "__aenter__",
            "the context manager protocol",
            ["__enter__", "__exit__"],
            "with",
        ),
        _ => (
            "the asynchronous context manager protocol",
            "__aexit__",
            "the context manager protocol",
            ["__enter__", "__exit__"],
            "with",
        ),
    };
    let ty = vm.type_of(owner);
    let supports_other = other_names.iter().all(|n| {
        vm.intern(n)
            .ok()
            .is_some_and(|k| typeobj::lookup(vm, ty, k).is_some())
    });
    let hint = if supports_other {
        format!(" but it supports {other}. Did you mean to use '{keyword}'?")
    } else {
        String::new()
    };
    vm.type_error(&format!(
        "'{t}' object does not support {protocol} (missed {missed} method){hint}"
    ))
}

/// `WITH_EXCEPT_START`: `exit_func, exit_self, lasti, prev_exc, val` → `..., res`, the result
/// of `exit_func(exit_self, type(val), val, val.__traceback__)`.
pub fn with_except_start(vm: &mut Vm) -> Step {
    let (exit_func, exit_self, val) = {
        let f = vm.f();
        (f.peek(5), f.peek(4), f.peek(1))
    };
    let tb_name = vm.intern("__traceback__")?;
    let tb = protocols::attr::getattr_opt(vm, val, tb_name)?.unwrap_or(Value::NONE);
    let ty = Value::from_handle(vm.type_of(val));
    let mut pos = Vec::with_capacity(4);
    if !exit_self.is_null() {
        pos.push(exit_self);
    }
    pos.extend([ty, val, tb]);
    let mark = vm.temps.len();
    vm.temps.push(tb);
    let r = protocols::call::call(vm, exit_func, Args::new(pos));
    vm.temps.truncate(mark);
    let res = r?;
    vm.f().push(res);
    Ok(None)
}
