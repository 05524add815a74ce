//! Loading and storing names: fast locals, cells, globals and builtins, attributes and imports
//! (CPython's Python/bytecodes.c `LOAD_FAST`, `LOAD_NAME`, `LOAD_GLOBAL`, ... families).

use protopy_compiler::bytecode::Opcode as Op;
use protopy_objects::{CellData, Value};

use super::{name_at, not_yet};
use crate::eval::Step;
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyErr, PyResult, Vm};
use crate::types::dict;

/// `UnboundLocalError` for fast local `i` of the running frame.
#[cold]
pub fn unbound_local(vm: &mut Vm, i: u32) -> PyErr {
    let name = vm
        .frames
        .last()
        .and_then(|f| f.code.co.localsplus_name(i as usize).map(str::to_string))
        .unwrap_or_default();
    vm.new_error(
        Ty::UnboundLocalError,
        &format!("cannot access local variable '{name}' where it is not associated with a value"),
    )
}

#[cold]
fn name_error(vm: &mut Vm, name: Value) -> PyErr {
    let n = vm.rust_str(name).unwrap_or_default();
    let e = vm.new_error(Ty::NameError, &format!("name '{n}' is not defined"));
    crate::types::exc_kinds::set_name_error_name(vm, e.exc, name);
    e
}

/// A global, then a builtin.
fn global_or_builtin(vm: &mut Vm, name: Value) -> PyResult<Value> {
    let (g, b) = (vm.f().globals, vm.f().builtins);
    if let Some(v) = dict::get_item(vm, g, name)? {
        return Ok(v);
    }
    match dict::get_item(vm, b, name)? {
        Some(v) => Ok(v),
        None => Err(name_error(vm, name)),
    }
}

pub fn load_name(vm: &mut Vm, arg: u32) -> Step {
    let name = name_at(vm, arg);
    let locals = vm.f().locals;
    if !locals.is_null() {
        if let Some(v) = mapping_get(vm, locals, name)? {
            vm.f().push(v);
            return Ok(None);
        }
    }
    let v = global_or_builtin(vm, name)?;
    vm.f().push(v);
    Ok(None)
}

pub fn store_name(vm: &mut Vm, arg: u32) -> Step {
    let name = name_at(vm, arg);
    let f = vm.f();
    let target = if f.locals.is_null() {
        f.globals
    } else {
        f.locals
    };
    let v = f.peek(1);
    if vm.is_exact(target, Ty::Dict) {
        dict::set_item(vm, target, name, v)?;
    } else {
        protocols::item::setitem(vm, target, name, v)?;
    }
    vm.f().pop();
    Ok(None)
}

/// `mapping[name]` of a namespace that may be any mapping (`__prepare__`'s, or the locals
/// `exec`/`eval` were given); None if missing.
fn mapping_get(vm: &mut Vm, ns: Value, name: Value) -> PyResult<Option<Value>> {
    if vm.is_exact(ns, Ty::Dict) {
        return dict::get_item(vm, ns, name);
    }
    match protocols::item::getitem(vm, ns, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if vm.err_is(&e, Ty::KeyError) => Ok(None),
        Err(e) => Err(e),
    }
}

pub fn delete_name(vm: &mut Vm, arg: u32) -> Step {
    let name = name_at(vm, arg);
    let f = vm.f();
    let target = if f.locals.is_null() {
        f.globals
    } else {
        f.locals
    };
    if dict::del_item(vm, target, name)?.is_none() {
        return Err(name_error(vm, name));
    }
    Ok(None)
}

pub fn load_global(vm: &mut Vm, arg: u32) -> Step {
    let name = name_at(vm, arg >> 1);
    let v = match crate::eval::global_cache::lookup(vm, name)? {
        Some(v) => v,
        None => return Err(name_error(vm, name)),
    };
    let f = vm.f();
    f.push(v);
    if arg & 1 != 0 {
        f.push(Value::NULL);
    }
    Ok(None)
}

pub fn store_global(vm: &mut Vm, arg: u32) -> Step {
    let name = name_at(vm, arg);
    let (g, v) = (vm.f().globals, vm.f().peek(1));
    dict::set_item(vm, g, name, v)?;
    vm.f().pop();
    Ok(None)
}

pub fn load_fast_and_clear(vm: &mut Vm, arg: u32) -> Step {
    let f = vm.f();
    let v = f
        .fast
        .get_mut(arg as usize)
        .map(|s| std::mem::replace(s, Value::NULL))
        .unwrap_or(Value::NULL);
    f.push(v);
    Ok(None)
}

pub fn delete_fast(vm: &mut Vm, arg: u32) -> Step {
    let f = vm.f();
    match f.fast.get_mut(arg as usize) {
        Some(s) if !s.is_null() => {
            *s = Value::NULL;
            Ok(None)
        }
        _ => Err(unbound_local(vm, arg)),
    }
}

pub fn load_attr(vm: &mut Vm, arg: u32) -> Step {
    let name = name_at(vm, arg >> 1);
    let obj = vm.f().peek(1);
    if arg & 1 != 0 {
        let (a, b) = protocols::attr::load_method(vm, obj, name)?;
        let f = vm.f();
        f.pop();
        f.push(a);
        f.push(b);
    } else {
        let v = protocols::attr::getattr(vm, obj, name)?;
        super::replace_top(vm, 1, v)?;
    }
    Ok(None)
}

pub fn store_attr(vm: &mut Vm, arg: u32) -> Step {
    let name = name_at(vm, arg);
    let (v, obj) = (vm.f().peek(2), vm.f().peek(1));
    protocols::attr::setattr(vm, obj, name, v)?;
    vm.f().pop_n(2);
    Ok(None)
}

/// `DELETE_ATTR`: `del obj.name`.
pub fn delete_attr(vm: &mut Vm, arg: u32) -> Step {
    let name = name_at(vm, arg);
    let obj = vm.f().peek(1);
    protocols::attr::setattr(vm, obj, name, Value::NULL)?;
    vm.f().pop();
    Ok(None)
}

pub fn load_common_constant(vm: &mut Vm, arg: u32) -> Step {
    let v = match arg {
        0 => vm.ty_val(Ty::AssertionError),
        1 => vm.ty_val(Ty::NotImplementedError),
        2 => vm.ty_val(Ty::Tuple),
        5 => vm.ty_val(Ty::List),
        6 => vm.ty_val(Ty::Set),
        3 | 4 => {
            let name = vm.intern(if arg == 3 { "all" } else { "any" })?;
            let b = vm.rt.builtins;
            match dict::get_item(vm, b, name)? {
                Some(v) => v,
                None => return Err(name_error(vm, name)),
            }
        }
        _ => return Err(not_yet(vm, "this common constant")),
    };
    vm.f().push(v);
    Ok(None)
}

/// Cells and free variables.
pub fn cells(vm: &mut Vm, op: Op, arg: u32) -> Step {
    let i = arg as usize;
    match op {
        Op::MAKE_CELL => {
            let cur = vm.f().fast.get(i).copied().unwrap_or(Value::NULL);
            let cell = vm.alloc(Ty::Cell, CellData(protopy_objects::AtomicValue::new(cur)))?;
            if let Some(s) = vm.f().fast.get_mut(i) {
                *s = cell;
            }
        }
        Op::COPY_FREE_VARS => {
            let func = vm.f().func;
            let closure = vm
                .opaque::<crate::types::function::Function>(func)
                .map(|f| f.closure.load())
                .unwrap_or(Value::NULL);
            let cells = vm
                .tuple_items(closure)
                .map(|s| s.to_vec())
                .unwrap_or_default();
            let f = vm.f();
            let start = f.fast.len().saturating_sub(i);
            for (slot, c) in f.fast[start..].iter_mut().zip(cells) {
                *slot = c;
            }
        }
        Op::LOAD_CLOSURE => {
            let v = vm.f().fast.get(i).copied().unwrap_or(Value::NULL);
            vm.f().push(v);
        }
        Op::LOAD_DEREF => {
            let cell = vm.f().fast.get(i).copied().unwrap_or(Value::NULL);
            let v =
                vm.m.get_value::<CellData>(cell)
                    .map(|c| c.0.load())
                    .unwrap_or(Value::NULL);
            if v.is_null() {
                let name = vm
                    .f()
                    .code
                    .co
                    .localsplus_name(i)
                    .unwrap_or_default()
                    .to_string();
                let is_free = i >= vm.f().fast.len() - vm.f().code.co.freevars.len();
                return Err(if is_free {
                    let e = vm.new_error(
                        Ty::NameError,
                        &format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
                    );
                    if let Ok(n) = vm.new_str(&name) {
                        crate::types::exc_kinds::set_name_error_name(vm, e.exc, n);
                    }
                    e
                } else {
                    unbound_local(vm, arg)
                });
            }
            vm.f().push(v);
        }
        _ => {
            let cell = vm.f().fast.get(i).copied().unwrap_or(Value::NULL);
            let v = vm.f().pop();
            if let Ok(c) = vm.m.get_value::<CellData>(cell) {
                c.0.store(v);
            }
        }
    }
    Ok(None)
}

/// `IMPORT_NAME`: pops the level and fromlist, pushes the module (see `crate::import`).
pub fn import_name(vm: &mut Vm, arg: u32) -> Step {
    let name = name_at(vm, arg);
    let (level, fromlist) = (vm.f().peek(2), vm.f().peek(1));
    let m = crate::import::import_name(vm, name, fromlist, level)?;
    super::replace_top(vm, 2, m)
}
