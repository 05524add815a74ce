//! Calls and function creation (CPython's Python/bytecodes.c `CALL`, `CALL_KW`,
//! `CALL_FUNCTION_EX`, `MAKE_FUNCTION`, `SET_FUNCTION_ATTRIBUTE`).

use protopy_objects::Value;

use super::{not_yet, replace_top};
use crate::eval::Step;
use crate::protocols;
use crate::thread::Vm;
use crate::types::function::{new_function, Function};
use crate::types::{dict, Args};

/// `CALL n` / `CALL_KW n`: `callable, self_or_null, args...[, kwnames]`.
pub fn call(vm: &mut Vm, arg: u32, kw: bool) -> Step {
    let n = arg as usize;
    let total = n + 2 + usize::from(kw);
    let (callable, self_or_null, mut pos, kwnames) = {
        let f = vm.f();
        let base = f.stack.len().saturating_sub(total);
        let s = &f.stack[base..];
        if s.len() < total {
            return Err(vm.new_error(crate::runtime::Ty::SystemError, "stack underflow in CALL"));
        }
        (
            s[0],
            s[1],
            s[2..2 + n].to_vec(),
            if kw { s[2 + n] } else { Value::NULL },
        )
    };
    if !self_or_null.is_null() {
        pos.insert(0, self_or_null);
    }
    let mut args = Args::new(pos);
    if kw {
        let names = vm
            .tuple_items(kwnames)
            .map(|s| s.to_vec())
            .unwrap_or_default();
        let split = args.pos.len().saturating_sub(names.len());
        let vals = args.pos.split_off(split);
        args.kw = names.into_iter().zip(vals).collect();
    }
    let r = protocols::call::call(vm, callable, args)?;
    replace_top(vm, total, r)
}

/// `CALL_FUNCTION_EX`: `callable, self_or_null, args tuple, kwargs dict or NULL`.
pub fn call_ex(vm: &mut Vm) -> Step {
    let f = vm.f();
    let (callable, self_or_null, tuple, kwargs) = (f.peek(4), f.peek(3), f.peek(2), f.peek(1));
    let mut pos = protocols::iter::collect(vm, tuple)?;
    if !self_or_null.is_null() {
        pos.insert(0, self_or_null);
    }
    let mut args = Args::new(pos);
    if !kwargs.is_null() {
        args.kw = dict::items(vm, kwargs);
    }
    let r = protocols::call::call(vm, callable, args)?;
    replace_top(vm, 4, r)
}

pub fn make_function(vm: &mut Vm) -> Step {
    let code = vm.f().peek(1);
    let globals = vm.f().globals;
    let func = new_function(vm, code, globals)?;
    replace_top(vm, 1, func)
}

pub fn set_function_attribute(vm: &mut Vm, arg: u32) -> Step {
    let (value, func) = (vm.f().peek(2), vm.f().peek(1));
    let Some(f) = vm.opaque::<Function>(func) else {
        return Err(not_yet(vm, "this function attribute"));
    };
    match arg {
        1 => f.defaults.store(value),
        2 => f.kwdefaults.store(value),
        8 => f.closure.store(value),
        16 => f.annotate.store(value),
        _ => {}
    }
    replace_top(vm, 2, func)
}
