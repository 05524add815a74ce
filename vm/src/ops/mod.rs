//! The opcode handlers outside the dispatch loop's inline fast paths (CPython's
//! Python/bytecodes.c), one file per opcode family. Opcodes not written yet raise
//! `SystemError` naming the opcode, so a program that reaches one fails cleanly.

pub mod build;
pub mod call;
pub mod except;
pub mod load_store;
pub mod matching;
pub mod names;
pub mod seq;
pub mod with;

use protopy_compiler::bytecode::Opcode as Op;
use protopy_objects::Value;

use crate::eval::Step;
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyErr, PyResult, Vm};

/// Runs one instruction the loop does not handle inline.
pub fn dispatch(vm: &mut Vm, op: Op, arg: u32) -> Step {
    match op {
        Op::LOAD_NAME => load_store::load_name(vm, arg),
        Op::STORE_NAME => load_store::store_name(vm, arg),
        Op::DELETE_NAME => load_store::delete_name(vm, arg),
        Op::LOAD_GLOBAL => load_store::load_global(vm, arg),
        Op::STORE_GLOBAL => load_store::store_global(vm, arg),
        Op::LOAD_FAST_AND_CLEAR => load_store::load_fast_and_clear(vm, arg),
        Op::DELETE_FAST => load_store::delete_fast(vm, arg),
        Op::LOAD_ATTR => load_store::load_attr(vm, arg),
        Op::STORE_ATTR => load_store::store_attr(vm, arg),
        Op::DELETE_ATTR => load_store::delete_attr(vm, arg),
        Op::LOAD_COMMON_CONSTANT => load_store::load_common_constant(vm, arg),
        Op::STORE_SUBSCR => {
            let (v, c, k) = (vm.f().peek(3), vm.f().peek(2), vm.f().peek(1));
            protocols::item::setitem(vm, c, k, v)?;
            vm.f().pop_n(3);
            Ok(None)
        }
        Op::DELETE_SUBSCR => {
            let (c, k) = (vm.f().peek(2), vm.f().peek(1));
            protocols::item::setitem(vm, c, k, Value::NULL)?;
            vm.f().pop_n(2);
            Ok(None)
        }
        Op::UNARY_NEGATIVE => unary(vm, b'-'),
        Op::UNARY_INVERT => unary(vm, b'~'),
        Op::UNARY_NOT => {
            let v = vm.f().peek(1);
            let t = protocols::truth(vm, v)?;
            replace_top(vm, 1, Value::from_bool(!t))
        }
        Op::BINARY_OP => {
            let (a, b) = (vm.f().peek(2), vm.f().peek(1));
            let r = protocols::number::binary_op(vm, a, b, arg)?;
            replace_top(vm, 2, r)
        }
        Op::COMPARE_OP => {
            let (a, b) = (vm.f().peek(2), vm.f().peek(1));
            let r = protocols::compare::rich_compare(vm, a, b, arg as usize)?;
            replace_top(vm, 2, r)
        }
        Op::IS_OP => {
            let (a, b) = (vm.f().peek(2), vm.f().peek(1));
            replace_top(vm, 2, Value::from_bool((a == b) != (arg == 1)))
        }
        Op::CONTAINS_OP => {
            let (a, b) = (vm.f().peek(2), vm.f().peek(1));
            let r = protocols::item::contains(vm, b, a)?;
            replace_top(vm, 2, Value::from_bool(r != (arg == 1)))
        }
        Op::CALL_INTRINSIC_1 => build::intrinsic_1(vm, arg),
        Op::CALL_INTRINSIC_2 => build::intrinsic_2(vm, arg),
        Op::BUILD_TUPLE | Op::BUILD_LIST | Op::BUILD_MAP | Op::BUILD_STRING => {
            build::build(vm, op, arg)
        }
        Op::LIST_APPEND | Op::LIST_EXTEND | Op::MAP_ADD | Op::DICT_UPDATE => {
            build::add_to(vm, op, arg)
        }
        Op::UNPACK_SEQUENCE => seq::unpack_sequence(vm, arg),
        Op::UNPACK_EX => seq::unpack_ex(vm, arg),
        Op::BUILD_SET | Op::SET_ADD | Op::SET_UPDATE => seq::set_display(vm, op, arg),
        Op::BINARY_SLICE => seq::binary_slice(vm),
        Op::STORE_SLICE => seq::store_slice(vm),
        Op::BUILD_SLICE => seq::build_slice(vm, arg),
        Op::DICT_MERGE => call::dict_merge(vm, arg),
        Op::FORMAT_SIMPLE | Op::CONVERT_VALUE | Op::FORMAT_WITH_SPEC => build::format(vm, op, arg),
        Op::BUILD_INTERPOLATION => crate::types::template::build_interpolation(vm, arg),
        Op::BUILD_TEMPLATE => crate::types::template::build_template(vm),
        Op::CALL => call::call(vm, arg, false),
        Op::CALL_KW => call::call(vm, arg, true),
        Op::CALL_FUNCTION_EX => call::call_ex(vm),
        Op::MAKE_FUNCTION => call::make_function(vm),
        Op::SET_FUNCTION_ATTRIBUTE => call::set_function_attribute(vm, arg),
        Op::MAKE_CELL
        | Op::COPY_FREE_VARS
        | Op::LOAD_CLOSURE
        | Op::LOAD_DEREF
        | Op::STORE_DEREF => load_store::cells(vm, op, arg),
        Op::GET_ITER => {
            let f = vm.f();
            let v = f.peek(1);
            if !f.owned.is_empty() {
                crate::eval::gen_finalize::at_get_iter(f, f.ip as usize - 1, v);
            }
            let it = protocols::iter::get_iter(vm, v)?;
            replace_top(vm, 1, it)
        }
        Op::FOR_ITER => {
            let it = vm.f().peek(1);
            match protocols::iter::next(vm, it)? {
                Some(v) => vm.f().push(v),
                None => {
                    let f = vm.f();
                    let it = f.pop();
                    f.ip = arg;
                    if !f.owned.is_empty() {
                        crate::eval::gen_finalize::exhausted(vm, it);
                    }
                }
            }
            Ok(None)
        }
        Op::YIELD_VALUE => {
            let v = vm.f().pop();
            Ok(Some(crate::eval::Exit::Yield(v)))
        }
        Op::SEND => crate::eval::generator::send_op(vm, arg),
        Op::END_SEND => {
            let v = vm.f().pop();
            replace_top(vm, 1, v)
        }
        Op::GET_YIELD_FROM_ITER => {
            use crate::eval::generator::{kind_of, GenKind};
            let v = vm.f().peek(1);
            match kind_of(vm, v) {
                Some(GenKind::Generator) => return Ok(None),
                Some(GenKind::Coroutine) => {
                    let flags = vm.f().code.co.flags;
                    let iterable_coroutine = protopy_compiler::bytecode::flags::COROUTINE
                        | protopy_compiler::bytecode::flags::ITERABLE_COROUTINE;
                    if flags & iterable_coroutine == 0 {
                        return Err(vm.type_error(
                            "cannot 'yield from' a coroutine object in a non-coroutine generator",
                        ));
                    }
                    return Ok(None);
                }
                _ => {}
            }
            let it = protocols::iter::get_iter(vm, v)?;
            replace_top(vm, 1, it)
        }
        Op::CLEANUP_THROW => {
            let exc = vm.f().peek(1);
            if vm.is_instance_ty(exc, Ty::StopIteration) {
                let a = crate::types::exceptions::args_of(vm, exc);
                let v = vm
                    .tuple_items(a)
                    .and_then(|t| t.first().copied())
                    .unwrap_or(Value::NONE);
                let f = vm.f();
                f.pop_n(3);
                f.push(Value::NONE);
                f.push(v);
                Ok(None)
            } else {
                vm.reraising = true;
                Err(PyErr { exc })
            }
        }
        Op::LOAD_SPECIAL => with::load_special(vm, arg),
        Op::GET_AWAITABLE => crate::eval::coroutine::get_awaitable(vm, arg),
        Op::GET_AITER => crate::eval::coroutine::get_aiter(vm),
        Op::GET_ANEXT => crate::eval::coroutine::get_anext(vm),
        Op::END_ASYNC_FOR => crate::eval::coroutine::end_async_for(vm),
        Op::DELETE_DEREF => names::delete_deref(vm, arg),
        Op::DELETE_GLOBAL => names::delete_global(vm, arg),
        Op::LOAD_FROM_DICT_OR_DEREF => names::load_from_dict_or_deref(vm, arg),
        Op::LOAD_FROM_DICT_OR_GLOBALS => names::load_from_dict_or_globals(vm, arg),
        Op::MATCH_SEQUENCE => matching::match_kind(vm, false),
        Op::MATCH_MAPPING => matching::match_kind(vm, true),
        Op::GET_LEN => matching::get_len(vm),
        Op::MATCH_KEYS => matching::match_keys(vm),
        Op::MATCH_CLASS => matching::match_class(vm, arg),
        Op::WITH_EXCEPT_START => with::with_except_start(vm),
        Op::RAISE_VARARGS => except::raise(vm, arg),
        Op::RERAISE => except::reraise(vm, arg),
        Op::PUSH_EXC_INFO => {
            let exc = vm.f().pop();
            let prev = std::mem::replace(&mut vm.handled, exc);
            vm.f().push(prev);
            vm.f().push(exc);
            Ok(None)
        }
        Op::POP_EXCEPT => {
            vm.handled = vm.f().pop();
            Ok(None)
        }
        Op::CHECK_EXC_MATCH => except::check_exc_match(vm),
        Op::LOAD_BUILD_CLASS => {
            let b = vm.f().builtins;
            let k = vm.intern("__build_class__")?;
            match crate::types::dict::get_item(vm, b, k)? {
                Some(f) => vm.f().push(f),
                None => return Err(vm.new_error(Ty::NameError, "__build_class__ not found")),
            }
            Ok(None)
        }
        Op::LOAD_LOCALS => {
            let l = vm.f().locals;
            vm.f().push(l);
            Ok(None)
        }
        Op::IMPORT_NAME => load_store::import_name(vm, arg),
        Op::IMPORT_FROM => {
            let (m, name) = (vm.f().peek(1), name_at(vm, arg));
            let v = crate::import::import_from(vm, m, name)?;
            vm.f().push(v);
            Ok(None)
        }
        _ => Err(not_yet(vm, &format!("the opcode {op:?}"))),
    }
}

/// `names[i]` of the running code.
pub fn name_at(vm: &mut Vm, i: u32) -> Value {
    vm.f()
        .code
        .names
        .get(i as usize)
        .copied()
        .unwrap_or(Value::NONE)
}

/// Pops `n` operands and pushes `v`.
pub fn replace_top(vm: &mut Vm, n: usize, v: Value) -> crate::eval::Step {
    let f = vm.f();
    let keep = f.stack.len().saturating_sub(n);
    f.stack.truncate(keep);
    f.push(v);
    Ok(None)
}

fn unary(vm: &mut Vm, op: u8) -> Step {
    let v = vm.f().peek(1);
    let r: PyResult<Value> = protocols::number::unary(vm, v, op);
    replace_top(vm, 1, r?)
}

/// The error for a feature the interpreter does not have yet.
#[cold]
pub fn not_yet(vm: &mut Vm, what: &str) -> PyErr {
    vm.new_error(
        Ty::SystemError,
        &format!("protopy does not support {what} yet"),
    )
}
