//! Slicing, set displays and unpacking opcodes (CPython's Python/bytecodes.c `BINARY_SLICE`,
//! `STORE_SLICE`, `BUILD_SLICE`, `BUILD_SET`, `SET_ADD`, `SET_UPDATE`, `UNPACK_SEQUENCE`,
//! `UNPACK_EX` and `unpack_iterable` of Python/ceval.c).

use protopy_compiler::bytecode::Opcode as Op;
use protopy_objects::Value;

use super::replace_top;
use crate::eval::Step;
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};
use crate::types::{set, slice, typeobj};

/// `BINARY_SLICE`: `container[start:stop]`.
pub fn binary_slice(vm: &mut Vm) -> Step {
    let (c, a, b) = (vm.f().peek(3), vm.f().peek(2), vm.f().peek(1));
    let s = slice::new_slice(vm, a, b, Value::NONE)?;
    vm.temps.push(s);
    let r = protocols::item::getitem(vm, c, s);
    vm.temps.pop();
    replace_top(vm, 3, r?)
}

/// `STORE_SLICE`: `container[start:stop] = v`.
pub fn store_slice(vm: &mut Vm) -> Step {
    let (v, c, a, b) = (
        vm.f().peek(4),
        vm.f().peek(3),
        vm.f().peek(2),
        vm.f().peek(1),
    );
    let s = slice::new_slice(vm, a, b, Value::NONE)?;
    vm.temps.push(s);
    let r = protocols::item::setitem(vm, c, s, v);
    vm.temps.pop();
    r?;
    vm.f().pop_n(4);
    Ok(None)
}

/// `BUILD_SLICE n` (2 or 3 operands).
pub fn build_slice(vm: &mut Vm, arg: u32) -> Step {
    let s = if arg == 3 {
        let (a, b, c) = (vm.f().peek(3), vm.f().peek(2), vm.f().peek(1));
        slice::new_slice(vm, a, b, c)?
    } else {
        let (a, b) = (vm.f().peek(2), vm.f().peek(1));
        slice::new_slice(vm, a, b, Value::NONE)?
    };
    replace_top(vm, arg as usize, s)
}

/// `BUILD_SET n`, `SET_ADD i`, `SET_UPDATE i`.
pub fn set_display(vm: &mut Vm, op: Op, arg: u32) -> Step {
    match op {
        Op::BUILD_SET => {
            let n = arg as usize;
            let items = {
                let f = vm.f();
                let at = f.stack.len().saturating_sub(n);
                f.stack[at..].to_vec()
            };
            let s = set::new_set(vm, &items)?;
            replace_top(vm, n, s)
        }
        Op::SET_ADD => {
            let (target, v) = (vm.f().peek(arg as usize + 1), vm.f().peek(1));
            set::add(vm, target, v)?;
            vm.f().pop();
            Ok(None)
        }
        _ => {
            let (target, v) = (vm.f().peek(arg as usize + 1), vm.f().peek(1));
            set::update_from(vm, target, v)?;
            vm.f().pop();
            Ok(None)
        }
    }
}

/// Replaces the `TypeError` of iterating `v` by `message(type name)` when `v` is neither
/// iterable nor a sequence (so an error raised inside `__iter__` is kept).
pub fn not_iterable_as(
    vm: &mut Vm,
    v: Value,
    e: crate::thread::PyErr,
    message: impl FnOnce(&str) -> String,
) -> crate::thread::PyErr {
    if !vm.err_is(&e, Ty::TypeError) {
        return e;
    }
    let ty = vm.type_of(v);
    let has = |vm: &mut Vm, name: &str| {
        vm.intern(name)
            .ok()
            .and_then(|n| typeobj::lookup(vm, ty, n))
            .is_some()
    };
    if has(vm, "__iter__") || has(vm, "__getitem__") {
        return e;
    }
    let t = vm.type_name(v);
    vm.type_error(&message(&t))
}

/// `iter(v)` for unpacking: `cannot unpack non-iterable X object` for what is neither
/// iterable nor a sequence.
fn unpack_iter(vm: &mut Vm, v: Value) -> PyResult<Value> {
    protocols::iter::get_iter(vm, v).map_err(|e| {
        not_iterable_as(vm, v, e, |t| {
            format!("cannot unpack non-iterable {t} object")
        })
    })
}

/// Reads up to `limit` items of `v` (rooted in `vm.temps` from `mark` on); the caller
/// truncates `temps`.
fn take_items(vm: &mut Vm, v: Value, limit: Option<usize>) -> PyResult<Vec<Value>> {
    let it = unpack_iter(vm, v)?;
    vm.temps.push(it);
    let mut out = Vec::new();
    while limit.is_none_or(|l| out.len() < l) {
        match protocols::iter::next(vm, it)? {
            Some(x) => {
                vm.temps.push(x);
                out.push(x);
            }
            None => break,
        }
    }
    Ok(out)
}

/// The length reported by "too many values" for the sequences whose size is known.
fn known_len(vm: &mut Vm, v: Value) -> Option<usize> {
    let exact = [Ty::List, Ty::Tuple, Ty::Dict]
        .into_iter()
        .any(|t| vm.is_exact(v, t));
    if !exact {
        return None;
    }
    protocols::item::len(vm, v).ok()
}

/// `UNPACK_SEQUENCE n`.
pub fn unpack_sequence(vm: &mut Vm, arg: u32) -> Step {
    let seq = vm.f().peek(1);
    let n = arg as usize;
    let mark = vm.temps.len();
    let r = take_items(vm, seq, Some(n + 1));
    let items = match r {
        Ok(items) => items,
        Err(e) => {
            vm.temps.truncate(mark);
            return Err(e);
        }
    };
    vm.temps.truncate(mark);
    if items.len() != n {
        let msg = if items.len() < n {
            format!(
                "not enough values to unpack (expected {n}, got {})",
                items.len()
            )
        } else {
            match known_len(vm, seq) {
                Some(got) => format!("too many values to unpack (expected {n}, got {got})"),
                None => format!("too many values to unpack (expected {n})"),
            }
        };
        return Err(vm.value_error(&msg));
    }
    let f = vm.f();
    f.pop();
    f.stack.extend(items.into_iter().rev());
    Ok(None)
}

/// `UNPACK_EX before | after << 8`: `a, *b, c = seq`.
pub fn unpack_ex(vm: &mut Vm, arg: u32) -> Step {
    let seq = vm.f().peek(1);
    let (before, after) = ((arg & 0xFF) as usize, (arg >> 8) as usize);
    let mark = vm.temps.len();
    let r = take_items(vm, seq, None);
    let mut items = match r {
        Ok(items) => items,
        Err(e) => {
            vm.temps.truncate(mark);
            return Err(e);
        }
    };
    if items.len() < before + after {
        vm.temps.truncate(mark);
        return Err(vm.value_error(&format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            items.len()
        )));
    }
    let tail = items.split_off(items.len() - after);
    let middle = items.split_off(before);
    let list = vm.new_list(middle);
    vm.temps.truncate(mark);
    let list = list?;
    let f = vm.f();
    f.pop();
    f.stack.extend(tail.into_iter().rev());
    f.stack.push(list);
    f.stack.extend(items.into_iter().rev());
    Ok(None)
}
