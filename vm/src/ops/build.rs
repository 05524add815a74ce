//! Building containers and strings, unpacking, formatting and the one-argument intrinsics
//! (CPython's Python/bytecodes.c `BUILD_*`, `LIST_APPEND`, `UNPACK_SEQUENCE`, `FORMAT_*`).

use protopy_compiler::bytecode::Opcode as Op;

use super::{not_yet, replace_top};
use crate::eval::Step;
use crate::protocols;
use crate::thread::Vm;
use crate::types::dict;

pub fn build(vm: &mut Vm, op: Op, arg: u32) -> Step {
    let n = arg as usize;
    let items = {
        let f = vm.f();
        let at = f
            .stack
            .len()
            .saturating_sub(if op == Op::BUILD_MAP { 2 * n } else { n });
        f.stack[at..].to_vec()
    };
    let count = items.len();
    let v = match op {
        Op::BUILD_TUPLE => vm.new_tuple(items)?,
        Op::BUILD_LIST => vm.new_list(items)?,
        Op::BUILD_MAP => {
            let d = vm.new_dict()?;
            vm.temps.push(d);
            for kv in items.chunks(2) {
                if let Err(e) = dict::set_item(vm, d, kv[0], kv[1]) {
                    vm.temps.pop();
                    return Err(e);
                }
            }
            vm.temps.pop();
            d
        }
        Op::BUILD_STRING => {
            let mut bytes = Vec::new();
            for v in &items {
                bytes.extend_from_slice(vm.str_data(*v).map(|d| d.as_bytes()).unwrap_or(&[]));
            }
            crate::types::str::new_from_bytes(vm, bytes)?
        }
        _ => return Err(not_yet(vm, "this display")),
    };
    replace_top(vm, count, v)
}

/// `LIST_APPEND`, `LIST_EXTEND`, `MAP_ADD`, `DICT_UPDATE`, `DICT_MERGE` into `STACK[-i]`.
pub fn add_to(vm: &mut Vm, op: Op, arg: u32) -> Step {
    let i = arg as usize;
    match op {
        Op::MAP_ADD => {
            let (target, k, v) = (vm.f().peek(i + 2), vm.f().peek(2), vm.f().peek(1));
            dict::set_item(vm, target, k, v)?;
            vm.f().pop_n(2);
        }
        _ => {
            let (target, v) = (vm.f().peek(i + 1), vm.f().peek(1));
            match op {
                Op::LIST_APPEND => {
                    if let Some(l) = vm.list_data(target) {
                        l.push(v);
                    }
                }
                Op::LIST_EXTEND => {
                    let items = protocols::iter::collect(vm, v).map_err(|e| {
                        super::seq::not_iterable_as(vm, v, e, |t| {
                            format!("Value after * must be an iterable, not {t}")
                        })
                    })?;
                    if let Some(l) = vm.list_data(target) {
                        l.lock().extend(items);
                    }
                }
                Op::DICT_UPDATE => {
                    let keys = vm.intern("keys")?;
                    let mapping = vm.dict_data(v).is_some()
                        || protocols::attr::lookup_type_attr(vm, vm.type_of(v), keys).is_some();
                    if !mapping {
                        let t = vm.type_name(v);
                        return Err(vm.type_error(&format!("'{t}' object is not a mapping")));
                    }
                    dict::update(vm, target, v)?
                }
                _ => dict::update(vm, target, v)?,
            }
            vm.f().pop();
        }
    }
    Ok(None)
}

pub fn format(vm: &mut Vm, op: Op, arg: u32) -> Step {
    match op {
        Op::CONVERT_VALUE => {
            let v = vm.f().peek(1);
            let s = match arg {
                1 => protocols::repr::str(vm, v)?,
                2 => protocols::repr::repr(vm, v)?,
                _ => crate::types::str_ops::ascii_of(vm, v)?,
            };
            let s = vm.new_str(&s)?;
            replace_top(vm, 1, s)
        }
        Op::FORMAT_SIMPLE => {
            let v = vm.f().peek(1);
            if vm.str_data(v).is_some() {
                return Ok(None);
            }
            // `format(n, "")` of an int (not a subclass: those are entities) is `str(n)`.
            if let Some(n) = v.as_small_int() {
                let s = vm.new_str(&n.to_string())?;
                return replace_top(vm, 1, s);
            }
            let empty = vm.intern("")?;
            let s = protocols::format::format(vm, v, empty)?;
            replace_top(vm, 1, s)
        }
        _ => {
            let (v, spec) = (vm.f().peek(2), vm.f().peek(1));
            let s = protocols::format::format(vm, v, spec)?;
            replace_top(vm, 2, s)
        }
    }
}

pub fn intrinsic_1(vm: &mut Vm, arg: u32) -> Step {
    let v = vm.f().peek(1);
    let r = match arg {
        1 => crate::modules::io_open::print_expr(vm, v)?,
        2 => {
            let f = vm.f();
            let locals = if f.locals.is_null() {
                f.globals
            } else {
                f.locals
            };
            crate::import::import_star(vm, v, locals)?;
            protopy_objects::Value::NONE
        }
        5 => protocols::number::unary(vm, v, b'+')?,
        6 => {
            let items = vm.list_data(v).map(|l| l.snapshot()).unwrap_or_default();
            vm.new_tuple(items)?
        }
        3 => crate::eval::coroutine::stop_iteration_error(vm, v)?,
        4 => crate::eval::asyncgen::wrap_value(vm, v)?,
        7..=9 => crate::types::typevar::new_from_intrinsic(vm, arg, v)?,
        10 => crate::types::generic::subscript_generic(vm, v)?,
        11 => crate::types::typealias::from_intrinsic(vm, v)?,
        _ => return Err(not_yet(vm, "this intrinsic")),
    };
    replace_top(vm, 1, r)
}

/// `CALL_INTRINSIC_2`: the PEP 695 intrinsics of two arguments.
pub fn intrinsic_2(vm: &mut Vm, arg: u32) -> Step {
    let (a, b) = (vm.f().peek(2), vm.f().peek(1));
    let r = crate::types::typevar::intrinsic_2(vm, arg, a, b)?;
    replace_top(vm, 2, r)
}
