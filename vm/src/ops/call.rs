//! Calls and function creation (CPython's Python/bytecodes.c `CALL`, `CALL_KW`,
//! `CALL_FUNCTION_EX`, `MAKE_FUNCTION`, `SET_FUNCTION_ATTRIBUTE`).

use protopy_objects::Value;

use super::{not_yet, replace_top};
use crate::eval::{gen_finalize, Step};
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};
use crate::types::function::{new_function, Function};
use crate::types::{dict, Args};

/// `CALL n` / `CALL_KW n`: `callable, self_or_null, args...[, kwnames]`.
pub fn call(vm: &mut Vm, arg: u32, kw: bool) -> Step {
    let n = arg as usize;
    let total = n + 2 + usize::from(kw);
    let (callable, pos, kwnames) = {
        let f = vm.f();
        let base = f.stack.len().saturating_sub(total);
        let s = &f.stack[base..];
        if s.len() < total {
            return Err(vm.new_error(crate::runtime::Ty::SystemError, "stack underflow in CALL"));
        }
        // `self` (when a method load pushed one) first, in one allocation.
        let mut pos = Vec::with_capacity(n + 1);
        if !s[1].is_null() {
            pos.push(s[1]);
        }
        pos.extend_from_slice(&s[2..2 + n]);
        (s[0], pos, if kw { s[2 + n] } else { Value::NULL })
    };
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
    let feeds = gen_finalize::call_feeds_loop(vm, callable);
    // An owned generator passed here leaves the frame's ownership before the callee runs (it
    // may keep a reference); a generator expression or a wrapper may take it back after.
    let passed = gen_finalize::take_passed(vm, total - 1);
    let pos = if passed.is_empty() {
        Vec::new()
    } else {
        args.pos.clone()
    };
    let r = protocols::call::call(vm, callable, args)?;
    replace_top(vm, total, r)?;
    gen_finalize::own(vm, feeds, r);
    for owned in passed {
        gen_finalize::call_consumed(vm, callable, owned, &pos, r);
    }
    Ok(None)
}

/// `CALL_FUNCTION_EX`: `callable, self_or_null, args tuple, kwargs dict or NULL`.
pub fn call_ex(vm: &mut Vm) -> Step {
    let f = vm.f();
    let (callable, self_or_null, tuple, kwargs) = (f.peek(4), f.peek(3), f.peek(2), f.peek(1));
    let mut pos = match vm.tuple_items(tuple) {
        Some(items) => items.to_vec(),
        None => {
            if !is_iterable(vm, tuple)? {
                let fs = func_str(vm, callable)?;
                let t = vm.type_name(tuple);
                return Err(vm.type_error(&format!(
                    "{fs} argument after * must be an iterable, not {t}"
                )));
            }
            protocols::iter::collect(vm, tuple)?
        }
    };
    if !self_or_null.is_null() {
        pos.insert(0, self_or_null);
    }
    let mut args = Args::new(pos);
    if !kwargs.is_null() {
        args.kw = dict::items(vm, kwargs);
        if args.kw.iter().any(|&(k, _)| vm.str_data(k).is_none()) {
            return Err(vm.type_error("keywords must be strings"));
        }
    }
    // Items collected from an iterator live only here: keep them rooted during the call.
    let mark = vm.temps.len();
    vm.temps.extend_from_slice(&args.pos);
    let feeds = gen_finalize::call_feeds_loop(vm, callable);
    let r = protocols::call::call(vm, callable, args);
    vm.temps.truncate(mark);
    let r = r?;
    replace_top(vm, 4, r)?;
    gen_finalize::own(vm, feeds, r);
    Ok(None)
}

/// Whether `v` can be iterated (`tp_iter` or the sequence protocol), before trying to.
fn is_iterable(vm: &mut Vm, v: Value) -> PyResult<bool> {
    let ty = vm.type_of(v);
    for name in ["__iter__", "__getitem__"] {
        let n = vm.intern(name)?;
        if crate::types::typeobj::lookup(vm, ty, n).is_some() {
            return Ok(true);
        }
    }
    Ok(crate::types::iter::native_iter(vm, v)?.is_some())
}

/// `DICT_MERGE i`: merges the mapping on top into the keyword dict `STACK[-(i + 1)]` of the
/// call whose callable is `STACK[-(i + 4)]`; a key given twice is an error.
pub fn dict_merge(vm: &mut Vm, arg: u32) -> Step {
    let i = arg as usize;
    let (callable, target, update) = {
        let f = vm.f();
        (f.peek(i + 4), f.peek(i + 1), f.peek(1))
    };
    let mark = vm.temps.len();
    let r = merge_into(vm, callable, target, update);
    vm.temps.truncate(mark);
    r?;
    vm.f().pop();
    Ok(None)
}

fn merge_into(vm: &mut Vm, callable: Value, target: Value, update: Value) -> PyResult<()> {
    let pairs = if vm.is_exact(update, Ty::Dict) {
        dict::items(vm, update)
    } else {
        let keys_name = vm.intern("keys")?;
        if protocols::attr::getattr_opt(vm, update, keys_name)?.is_none() {
            let fs = func_str(vm, callable)?;
            let t = vm.type_name(update);
            return Err(vm.type_error(&format!(
                "{fs} argument after ** must be a mapping, not {t}"
            )));
        }
        let keys = protocols::call::call_method(vm, update, "keys", vec![])?;
        vm.temps.push(keys);
        let keys = protocols::iter::collect(vm, keys)?;
        vm.temps.extend_from_slice(&keys);
        let mut pairs = Vec::with_capacity(keys.len());
        for k in keys {
            let v = protocols::item::getitem(vm, update, k)?;
            vm.temps.push(v);
            pairs.push((k, v));
        }
        pairs
    };
    for (k, v) in pairs {
        if dict::get_item(vm, target, k)?.is_some() {
            let fs = func_str(vm, callable)?;
            return Err(match vm.rust_str(k) {
                Some(name) => vm.type_error(&format!(
                    "{fs} got multiple values for keyword argument '{name}'"
                )),
                None => vm.type_error(&format!("{fs} keywords must be strings")),
            });
        }
        dict::set_item(vm, target, k, v)?;
    }
    Ok(())
}

/// How call errors name a callable (`_PyObject_FunctionStr`): `module.qualname()`, just
/// `qualname()` for builtins, else `type object`.
pub fn func_str(vm: &mut Vm, callable: Value) -> PyResult<String> {
    let qn = vm.intern("__qualname__")?;
    let qual = protocols::attr::getattr_opt(vm, callable, qn)?;
    let Some(qual) = qual.and_then(|q| vm.rust_str(q)) else {
        let t = vm.type_name(callable);
        return Ok(format!("{t} object"));
    };
    let mn = vm.intern("__module__")?;
    let module = protocols::attr::getattr_opt(vm, callable, mn)?.and_then(|m| vm.rust_str(m));
    Ok(match module.as_deref() {
        Some(m) if m != "builtins" => format!("{m}.{qual}()"),
        _ => format!("{qual}()"),
    })
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
        16 => {
            f.annotate.store(value);
            let qualname = f.qualname.load();
            name_annotate(vm, value, qualname)?;
        }
        _ => {}
    }
    replace_top(vm, 2, func)
}

/// A function's `__annotate__` is named after it (`f.__annotate__`), though its code object
/// keeps the qualified name of the scope it was compiled in (CPython does the same).
fn name_annotate(vm: &mut Vm, annotate: Value, func_qualname: Value) -> PyResult<()> {
    let Some(q) = vm.rust_str(func_qualname) else {
        return Ok(());
    };
    if vm.opaque::<Function>(annotate).is_none() {
        return Ok(());
    }
    let name = vm.new_str(&format!("{q}.__annotate__"))?;
    if let Some(a) = vm.opaque::<Function>(annotate) {
        a.qualname.store(name);
    }
    Ok(())
}
