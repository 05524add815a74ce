//! Deleting names and attributes, the class-body lookups through a mapping, and starred
//! unpacking (CPython's Python/bytecodes.c `DELETE_DEREF`, `DELETE_GLOBAL`, `DELETE_ATTR`,
//! `LOAD_FROM_DICT_OR_DEREF`, `LOAD_FROM_DICT_OR_GLOBALS`, `UNPACK_EX`).

use protopy_objects::{CellData, Value};

use super::name_at;
use crate::eval::Step;
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyErr, Vm};
use crate::types::dict;

/// The error for reading or deleting the empty cell in fast slot `i` (`_PyEval_FormatExcUnbound`).
#[cold]
pub fn unbound_deref(vm: &mut Vm, i: usize) -> PyErr {
    let f = vm.f();
    let name = f.code.co.localsplus_name(i).unwrap_or_default().to_string();
    let is_free = i >= f.fast.len().saturating_sub(f.code.co.freevars.len());
    if is_free {
        vm.new_error(
            Ty::NameError,
            &format!(
                "cannot access free variable '{name}' where it is not associated with a value \
                 in enclosing scope"
            ),
        )
    } else {
        super::load_store::unbound_local(vm, i as u32)
    }
}

fn cell_at(vm: &mut Vm, i: usize) -> Value {
    vm.f().fast.get(i).copied().unwrap_or(Value::NULL)
}

/// `DELETE_DEREF i`: empties the cell; it must be bound.
pub fn delete_deref(vm: &mut Vm, arg: u32) -> Step {
    let i = arg as usize;
    let cell = cell_at(vm, i);
    let old =
        vm.m.get_value::<CellData>(cell)
            .map(|c| c.0.swap(Value::NULL))
            .unwrap_or(Value::NULL);
    if old.is_null() {
        return Err(unbound_deref(vm, i));
    }
    Ok(None)
}

/// `DELETE_GLOBAL name`.
pub fn delete_global(vm: &mut Vm, arg: u32) -> Step {
    let name = name_at(vm, arg);
    let g = vm.f().globals;
    if dict::del_item(vm, g, name)?.is_none() {
        let n = vm.rust_str(name).unwrap_or_default();
        return Err(vm.new_error(Ty::NameError, &format!("name '{n}' is not defined")));
    }
    Ok(None)
}

/// `DELETE_ATTR name`: `del obj.name`.
pub fn delete_attr(vm: &mut Vm, arg: u32) -> Step {
    let name = name_at(vm, arg);
    let obj = vm.f().peek(1);
    protocols::attr::setattr(vm, obj, name, Value::NULL)?;
    vm.f().pop();
    Ok(None)
}

/// `LOAD_FROM_DICT_OR_DEREF i`: the class namespace on top, else cell `i` (a class body
/// reading a variable of the enclosing function).
pub fn load_from_dict_or_deref(vm: &mut Vm, arg: u32) -> Step {
    let i = arg as usize;
    let mapping = vm.f().peek(1);
    let name = vm
        .f()
        .code
        .co
        .localsplus_name(i)
        .unwrap_or_default()
        .to_string();
    let key = vm.intern(&name)?;
    if let Some(v) = mapping_get(vm, mapping, key)? {
        return super::replace_top(vm, 1, v);
    }
    let cell = cell_at(vm, i);
    let v =
        vm.m.get_value::<CellData>(cell)
            .map(|c| c.0.load())
            .unwrap_or(Value::NULL);
    if v.is_null() {
        return Err(unbound_deref(vm, i));
    }
    super::replace_top(vm, 1, v)
}

/// `LOAD_FROM_DICT_OR_GLOBALS name`: the mapping on top, then globals, then builtins.
pub fn load_from_dict_or_globals(vm: &mut Vm, arg: u32) -> Step {
    let name = name_at(vm, arg);
    let mapping = vm.f().peek(1);
    if let Some(v) = mapping_get(vm, mapping, name)? {
        return super::replace_top(vm, 1, v);
    }
    let (g, b) = (vm.f().globals, vm.f().builtins);
    for d in [g, b] {
        if let Some(v) = dict::get_item(vm, d, name)? {
            return super::replace_top(vm, 1, v);
        }
    }
    let n = vm.rust_str(name).unwrap_or_default();
    Err(vm.new_error(Ty::NameError, &format!("name '{n}' is not defined")))
}

/// `UNPACK_EX before | after << 8`: `a, *rest, b = seq`, the first item ending on top.
pub fn unpack_ex(vm: &mut Vm, arg: u32) -> Step {
    let (before, after) = ((arg & 0xFF) as usize, (arg >> 8) as usize);
    let seq = vm.f().peek(1);
    let items = match protocols::iter::collect(vm, seq) {
        Ok(items) => items,
        Err(e) if vm.err_is(&e, Ty::TypeError) && !iterable(vm, seq)? => {
            let t = vm.type_name(seq);
            return Err(vm.type_error(&format!("cannot unpack non-iterable {t} object")));
        }
        Err(e) => return Err(e),
    };
    let n = items.len();
    if n < before + after {
        return Err(vm.value_error(&format!(
            "not enough values to unpack (expected at least {}, got {n})",
            before + after
        )));
    }
    let mark = vm.temps.len();
    vm.temps.extend_from_slice(&items);
    let middle = vm.new_list(items[before..n - after].to_vec());
    vm.temps.truncate(mark);
    let middle = middle?;
    let mut out = Vec::with_capacity(before + 1 + after);
    out.extend_from_slice(&items[..before]);
    out.push(middle);
    out.extend_from_slice(&items[n - after..]);
    let f = vm.f();
    f.pop();
    f.stack.extend(out.into_iter().rev());
    Ok(None)
}

/// Whether `v`'s type can be iterated at all (so a TypeError came from inside).
fn iterable(vm: &mut Vm, v: Value) -> crate::thread::PyResult<bool> {
    let ty = vm.type_of(v);
    for name in ["__iter__", "__getitem__"] {
        let n = vm.intern(name)?;
        if crate::types::typeobj::lookup(vm, ty, n).is_some() {
            return Ok(true);
        }
    }
    Ok(crate::types::iter::native_iter(vm, v)?.is_some())
}

/// `mapping[key]`, None on `KeyError` (a dict is read directly).
fn mapping_get(vm: &mut Vm, mapping: Value, key: Value) -> crate::thread::PyResult<Option<Value>> {
    if vm.is_exact(mapping, Ty::Dict) {
        return dict::get_item(vm, mapping, key);
    }
    match protocols::item::getitem(vm, mapping, key) {
        Ok(v) => Ok(Some(v)),
        Err(e) if vm.err_is(&e, Ty::KeyError) => Ok(None),
        Err(e) => Err(e),
    }
}
