//! The dispatch loop (CPython's `_PyEval_EvalFrameDefault`, Python/ceval.c, with the handlers of
//! Python/bytecodes.c): fetch, dispatch to the opcode family's handler in `ops/`, and unwind
//! through the code's exception table on error.

pub mod asyncgen;
pub mod attr_cache;
pub mod coroutine;
pub mod fast;
pub mod fast_call;
pub mod frame;
pub mod gen_finalize;
pub mod generator;
pub mod global_cache;

use protopy_compiler::bytecode::Opcode as Op;
use protopy_objects::Value;

use crate::ops;
use crate::runtime::Ty;
use crate::thread::{PyErr, PyResult, Vm};
use frame::Frame;

/// How a frame's run ended without an exception.
pub enum Exit {
    Return(Value),
    Yield(Value),
}

/// What a handler asks of the loop.
pub type Step = PyResult<Option<Exit>>;

/// The instruction at which `vm`'s frame should continue.
impl Vm {
    #[inline]
    pub fn f(&mut self) -> &mut Frame {
        let n = self.frames.len().saturating_sub(1);
        &mut self.frames[n]
    }
}

/// Runs `frame` to its return (or yield) on a stack with room for it; the frame is handed back
/// for generators to keep.
pub fn run_frame(vm: &mut Vm, frame: Frame) -> (Frame, PyResult<Exit>) {
    resume_frame(vm, frame, None)
}

/// Runs `frame` from its instruction pointer, first raising `throw` at its last instruction
/// when given (`generator.throw`).
pub fn resume_frame(vm: &mut Vm, frame: Frame, throw: Option<PyErr>) -> (Frame, PyResult<Exit>) {
    if let Some(e) = recursion_check(vm) {
        return (frame, Err(e));
    }
    vm.frames.push(frame);
    let r = run_top(vm, throw);
    let frame = match vm.frames.pop() {
        Some(f) => f,
        None => return (empty_frame_placeholder(vm), r),
    };
    (frame, r)
}

/// Runs the frame the caller pushed on `vm.frames` to its return, then pops it and keeps its
/// buffers for the next call. The frame is built in place and never moved out again (moving
/// the frame in and out was a seventh of a call's cost).
#[inline]
pub fn run_pushed(vm: &mut Vm) -> PyResult<Exit> {
    if let Some(e) = recursion_check(vm) {
        vm.frame_pool.recycle_top(&mut vm.frames);
        return Err(e);
    }
    let r = run_top(vm, None);
    vm.frame_pool.recycle_top(&mut vm.frames);
    r
}

/// `RecursionError` when one more frame would pass the limit.
#[inline]
fn recursion_check(vm: &mut Vm) -> Option<PyErr> {
    let limit = vm
        .rt
        .recursion_limit
        .load(std::sync::atomic::Ordering::Relaxed);
    (vm.depth >= limit)
        .then(|| vm.new_error(Ty::RecursionError, "maximum recursion depth exceeded"))
}

/// Runs the frame on top of `vm.frames`, counted against the recursion limit.
fn run_top(vm: &mut Vm, throw: Option<PyErr>) -> PyResult<Exit> {
    vm.depth += 1;
    vm.safepoint();
    let run = |vm: &mut Vm| match throw {
        Some(e) => {
            // A thrown exception is not raised anew: it gets no `__context__` (`_gen_throw`).
            crate::types::exceptions::set_propagating(vm, e.exc, true);
            unwind(vm, e).and_then(|()| execute(vm))
        }
        None => execute(vm),
    };
    // The stack is checked every 8 levels: a level takes a few KiB at most (the dispatch
    // loop's frame is under 1 KiB; native calls in between add a few), far within the 256 KiB
    // that must be left when a check passes.
    let r = if vm.depth % 8 == 0 {
        stacker::maybe_grow(256 * 1024, 4 * 1024 * 1024, || run(vm))
    } else {
        run(vm)
    };
    vm.depth -= 1;
    if let Err(e) = &r {
        crate::types::exceptions::set_propagating(vm, e.exc, true);
    }
    if !matches!(r, Ok(Exit::Yield(_))) && vm.frames.last().is_some_and(|f| !f.owned.is_empty()) {
        // Still the running frame, as CPython's unwinding pops the stack before leaving.
        gen_finalize::frame_done(vm, &r);
    }
    r
}

#[cold]
fn empty_frame_placeholder(vm: &Vm) -> Frame {
    let code = std::sync::Arc::new(crate::types::function::CodeData::empty());
    Frame::new(Value::NONE, code, Value::NONE, vm.rt.builtins, Value::NULL)
}

fn execute(vm: &mut Vm) -> PyResult<Exit> {
    loop {
        let f = vm.f();
        let ip = f.ip;
        let Some(&instr) = f.code.co.instructions.get(ip as usize) else {
            return Err(vm.new_error(Ty::SystemError, "instruction pointer out of range"));
        };
        f.ip = ip + 1;
        f.lasti = ip;
        let arg = instr.arg;
        let step: Step = match instr.op {
            Op::NOP => Ok(None),
            Op::POP_TOP => {
                let v = f.pop();
                if !f.owned.is_empty() {
                    gen_finalize::popped(vm, v);
                }
                Ok(None)
            }
            Op::PUSH_NULL => {
                f.push(Value::NULL);
                Ok(None)
            }
            Op::COPY => {
                let v = f.peek(arg as usize);
                f.push(v);
                Ok(None)
            }
            Op::SWAP => {
                let n = f.stack.len();
                let i = arg as usize;
                if i <= n && i >= 1 {
                    f.stack.swap(n - 1, n - i);
                }
                Ok(None)
            }
            Op::LOAD_CONST => {
                let v = f
                    .code
                    .consts
                    .get(arg as usize)
                    .copied()
                    .unwrap_or(Value::NONE);
                f.push(v);
                Ok(None)
            }
            Op::LOAD_SMALL_INT => {
                f.push(Value::from_i64(arg as i64).unwrap_or(Value::NONE));
                Ok(None)
            }
            Op::LOAD_FAST => {
                let v = f.fast.get(arg as usize).copied().unwrap_or(Value::NULL);
                if v.is_null() {
                    Err(ops::load_store::unbound_local(vm, arg))
                } else {
                    f.push(v);
                    Ok(None)
                }
            }
            Op::STORE_FAST => {
                let v = f.pop();
                if let Some(slot) = f.fast.get_mut(arg as usize) {
                    *slot = v;
                }
                Ok(None)
            }
            Op::JUMP_FORWARD | Op::JUMP_BACKWARD_NO_INTERRUPT => {
                f.ip = arg;
                Ok(None)
            }
            Op::JUMP_BACKWARD => {
                f.ip = arg;
                vm.safepoint();
                Ok(None)
            }
            Op::POP_JUMP_IF_FALSE | Op::POP_JUMP_IF_TRUE => {
                let v = f.pop();
                let t = match v.as_bool() {
                    Some(b) => Ok(b),
                    None => {
                        vm.temps.push(v);
                        let r = crate::protocols::truth(vm, v);
                        vm.temps.pop();
                        r
                    }
                };
                match t {
                    Ok(t) => {
                        if t == (instr.op == Op::POP_JUMP_IF_TRUE) {
                            vm.f().ip = arg;
                        }
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
            Op::POP_JUMP_IF_NONE | Op::POP_JUMP_IF_NOT_NONE => {
                let v = f.pop();
                if v.is_none() == (instr.op == Op::POP_JUMP_IF_NONE) {
                    f.ip = arg;
                }
                Ok(None)
            }
            Op::BINARY_OP => match fast::binary(arg, f.peek(2), f.peek(1)) {
                Some(v) => {
                    f.pop();
                    if let Some(top) = f.stack.last_mut() {
                        *top = v;
                    }
                    Ok(None)
                }
                None => ops::dispatch(vm, instr.op, arg),
            },
            Op::COMPARE_OP => match fast::compare(arg, f.peek(2), f.peek(1)) {
                Some(b) => {
                    f.pop();
                    if let Some(top) = f.stack.last_mut() {
                        *top = Value::from_bool(b);
                    }
                    Ok(None)
                }
                None => ops::dispatch(vm, instr.op, arg),
            },
            Op::CALL => match fast_call::call(vm, arg as usize) {
                Some(step) => step,
                None => ops::dispatch(vm, instr.op, arg),
            },
            Op::LOAD_ATTR => {
                let obj = f.peek(1);
                let name = ops::name_at(vm, arg >> 1);
                if arg & 1 != 0 {
                    match attr_cache::load_method(vm, obj, name) {
                        Some(func) => {
                            let f = vm.f();
                            f.pop();
                            f.push(func);
                            f.push(obj);
                            Ok(None)
                        }
                        None => match attr_cache::class_attr(vm, obj, name) {
                            Some(v) => {
                                let f = vm.f();
                                f.pop();
                                f.push(v);
                                f.push(Value::NULL);
                                Ok(None)
                            }
                            None => ops::dispatch(vm, instr.op, arg),
                        },
                    }
                } else {
                    match attr_cache::load_value(vm, obj, name) {
                        Some(v) => {
                            if let Some(top) = vm.f().stack.last_mut() {
                                *top = v;
                            }
                            Ok(None)
                        }
                        None => match attr_cache::property_getter(vm, obj, name) {
                            // The frame keeps `obj` on its stack while the getter runs.
                            Some(getter) => fast_call::call_exact(vm, getter, &[obj]).map(|v| {
                                if let Some(top) = vm.f().stack.last_mut() {
                                    *top = v;
                                }
                                None
                            }),
                            None => match attr_cache::class_attr(vm, obj, name) {
                                Some(v) => {
                                    if let Some(top) = vm.f().stack.last_mut() {
                                        *top = v;
                                    }
                                    Ok(None)
                                }
                                None => ops::dispatch(vm, instr.op, arg),
                            },
                        },
                    }
                }
            }
            Op::STORE_ATTR => {
                let (v, obj) = (f.peek(2), f.peek(1));
                let name = ops::name_at(vm, arg);
                if attr_cache::store_value(vm, obj, name, v) {
                    vm.f().pop_n(2);
                    Ok(None)
                } else {
                    ops::dispatch(vm, instr.op, arg)
                }
            }
            Op::RETURN_VALUE => {
                let v = f.pop();
                Ok(Some(Exit::Return(v)))
            }
            op => ops::dispatch(vm, op, arg),
        };
        match step {
            Ok(None) => {}
            Ok(Some(exit)) => return Ok(exit),
            Err(e) => unwind(vm, e)?,
        }
    }
}

/// Records the frame in the exception's traceback (unless re-raising) and jumps to the
/// handler covering the failing instruction; returns the exception when there is none.
fn unwind(vm: &mut Vm, e: PyErr) -> PyResult<()> {
    let reraise = std::mem::take(&mut vm.reraising);
    let propagating = crate::types::exceptions::set_propagating(vm, e.exc, false);
    if !reraise {
        crate::types::exceptions::traceback_here(vm, e.exc);
        if !propagating {
            crate::types::exceptions::set_context_from_handled(vm, e.exc);
        }
    }
    let f = vm.f();
    // The handler covers the instruction that raised; `lasti` (moved back by `RERAISE` to
    // the original instruction) is what the traceback and the handler see, as in CPython.
    let lasti = f.lasti;
    let at = f.ip.saturating_sub(1);
    let Some(h) = f.code.co.handler_for(at).copied() else {
        return Err(e);
    };
    let dropped = gen_finalize::take_above(f, h.depth as usize);
    f.stack.truncate(h.depth as usize);
    if h.push_lasti {
        f.push(Value::from_i64(lasti as i64).unwrap_or(Value::NONE));
    }
    f.push(e.exc);
    f.ip = h.target;
    if !dropped.is_empty() {
        gen_finalize::close_dropped_during(vm, &dropped, &e);
    }
    Ok(())
}
