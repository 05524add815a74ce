//! When abandoned generators are closed (CPython's `_PyGen_Finalize`, Objects/genobject.c, run
//! when a generator's reference count drops to zero). protopy has no reference counts, so two
//! rules stand in for them (design record 0007):
//!
//! - **Loop ownership**, exact: a `for` loop (or comprehension) whose iterable is the result of
//!   calling a generator function right there (`for x in gen():`, `for x in (y for y in z):`)
//!   holds the only reference to that generator, in its iterator slot. The frame records it
//!   (`Frame::owned`); when the slot is dropped early (`break` and `return` pop it, an exception
//!   unwinds past it), the generator is closed right there, as CPython's refcount would.
//! - **Finalization by the collector**, the general fallback: a generator that suspends where
//!   closing it would run code (its `yield` is inside a `try` or `with`) is registered with the
//!   heap; a collection that finds it unreachable keeps it alive and queues it, and the next
//!   safepoint of a thread closes it (once), outside the collector.
//!
//! Errors from either close are reported as CPython's default `sys.unraisablehook` does.

use std::sync::atomic::Ordering;

use protopy_compiler::bytecode::{flags, opcodes::INTRINSIC_STOPITERATION_ERROR, Opcode as Op};
use protopy_objects::Value;

use super::frame::Frame;
use super::generator::{close, generator_repr, GenData};
use super::Exit;
use crate::thread::{PyErr, PyResult, Vm};
use crate::types::function::{BoundMethod, Function};

/// What the `CALL` about to call `callable` makes of the new generator it returns.
pub enum Feeds {
    /// Nothing known: the generator may be referenced elsewhere.
    Nothing,
    /// A loop of this frame iterates it next: it is owned by this frame.
    Loop,
}

/// Whether the `CALL` about to call `callable` creates a generator owned by the loop that
/// follows: the callable is a generator function (or a method bound to one), so the call
/// returns a new generator without running Python code, and the next instructions are
/// `GET_ITER`, then either `FOR_ITER` or only stack moves before it (an inlined
/// comprehension: `LOAD_FAST_AND_CLEAR`, `SWAP`, an empty `BUILD_*`), or the `CALL 0` that
/// hands it to a generator expression (whose frame then owns it: [`call_genexpr`]).
pub fn call_feeds_loop(vm: &mut Vm, callable: Value) -> Feeds {
    let f = vm.f();
    let code = &f.code.co.instructions;
    if code.get(f.ip).map(|i| i.op) != Some(Op::GET_ITER) {
        return Feeds::Nothing;
    }
    let mut loops = false;
    for ins in code.iter().skip(f.ip + 1).take(8) {
        match ins.op {
            Op::FOR_ITER => {
                loops = true;
                break;
            }
            Op::CALL if ins.arg == 0 => {
                loops = true;
                break;
            }
            Op::LOAD_FAST_AND_CLEAR | Op::SWAP => {}
            Op::BUILD_LIST | Op::BUILD_SET | Op::BUILD_MAP if ins.arg == 0 => {}
            _ => break,
        }
    }
    if !loops {
        return Feeds::Nothing;
    }
    let func = match vm.opaque::<BoundMethod>(callable) {
        Some(b) => b.func,
        None => callable,
    };
    match vm.opaque::<Function>(func) {
        Some(fun) if fun.data.co.flags & flags::GENERATOR != 0 => Feeds::Loop,
        _ => Feeds::Nothing,
    }
}

/// Records the generator a [`Feeds::Loop`] call returned as owned by the running frame.
pub fn own(vm: &mut Vm, feeds: Feeds, gen: Value) {
    if matches!(feeds, Feeds::Loop) && vm.opaque::<GenData>(gen).is_some() {
        vm.f().owned.push(gen);
    }
}

/// A `CALL` consumed `arg`: if the frame owned it, it no longer does. A generator expression's
/// function called with it (as its `.0`, the iterator) takes it over: the new generator's frame
/// keeps it only in `.0` and its loop.
pub fn call_consumed(vm: &mut Vm, callable: Value, arg: Value, made: Value) {
    let f = vm.f();
    let Some(i) = f.owned.iter().rposition(|&g| g == arg) else {
        return;
    };
    f.owned.remove(i);
    let is_genexpr = vm.opaque::<Function>(callable).is_some_and(|fun| {
        fun.data.co.flags & flags::GENERATOR != 0 && fun.data.co.name == "<genexpr>"
    });
    if !is_genexpr {
        return;
    }
    if let Some(g) = vm.opaque::<GenData>(made) {
        if let Some(frame) = g.frame.lock().as_mut() {
            frame.owned.push(arg);
        }
    }
}

/// `FOR_ITER` popped `it`, exhausted: it needs no closing.
pub fn forget(f: &mut Frame, it: Value) {
    f.owned.retain(|&g| g != it);
}

/// `POP_TOP` dropped `v`: if it was an owned generator (`break`, `return` inside the loop),
/// closes it.
pub fn popped(vm: &mut Vm, v: Value) {
    let f = vm.f();
    let Some(i) = f.owned.iter().rposition(|&g| g == v) else {
        return;
    };
    f.owned.remove(i);
    close_dropped(vm, &[v]);
}

/// The owned generators in the stack slots from `depth` up, about to be dropped by an unwind
/// (innermost first); they leave the frame's records, as do records of generators the frame
/// no longer holds anywhere.
pub fn take_above(f: &mut Frame, depth: usize) -> Vec<Value> {
    if f.owned.is_empty() {
        return Vec::new();
    }
    let cut = depth.min(f.stack.len());
    let (kept, dropped) = f.stack.split_at(cut);
    let fast = &f.fast;
    let mut out = Vec::new();
    f.owned.retain(|&g| {
        if kept.contains(&g) || fast.contains(&g) {
            return true;
        }
        if dropped.contains(&g) {
            out.push(g);
        }
        false
    });
    out.reverse();
    out
}

/// The running frame returned or raised (not a yield): closes the owned generators it still
/// holds, before it is popped.
pub fn frame_done(vm: &mut Vm, r: &PyResult<Exit>) {
    let frame = vm.f();
    let held: Vec<Value> = std::mem::take(&mut frame.owned)
        .into_iter()
        .rev()
        .filter(|g| frame.stack.contains(g) || frame.fast.contains(g))
        .collect();
    if held.is_empty() {
        return;
    }
    match r {
        Err(e) => close_dropped_during(vm, &held, e),
        Ok(Exit::Return(v) | Exit::Yield(v)) => {
            vm.temps.push(*v);
            close_dropped(vm, &held);
            vm.temps.pop();
        }
    }
}

/// Closes generators whose last reference was just dropped, in order; `raised`, an exception
/// on its way out, stays rooted meanwhile. Errors are reported, not raised.
pub fn close_dropped_during(vm: &mut Vm, gens: &[Value], raised: &PyErr) {
    vm.temps.push(raised.exc);
    close_dropped(vm, gens);
    vm.temps.pop();
}

fn close_dropped(vm: &mut Vm, gens: &[Value]) {
    let mark = vm.temps.len();
    vm.temps.extend_from_slice(gens);
    for &g in gens {
        finalize(vm, g);
    }
    vm.temps.truncate(mark);
}

/// Closes `gen` as CPython's `_PyGen_Finalize` does: nothing for a generator not started or
/// finished; errors go to the unraisable hook. The caller roots `gen`.
fn finalize(vm: &mut Vm, gen: Value) {
    let Some(g) = vm.opaque::<GenData>(gen) else {
        return;
    };
    if g.finished.load(Ordering::Relaxed) || g.running.load(Ordering::Relaxed) {
        return;
    }
    if let Err(e) = close(vm, gen) {
        report_unraisable(vm, gen, e);
    }
}

/// Writes `Exception ignored while closing generator <repr>:` and the error to `sys.stderr`
/// (CPython's default `sys.unraisablehook`).
fn report_unraisable(vm: &mut Vm, gen: Value, e: PyErr) {
    vm.temps.push(e.exc);
    let what = generator_repr(vm, gen).unwrap_or_else(|| "<generator>".into());
    let text = format!(
        "Exception ignored while closing generator {what}:\n{}",
        crate::api::describe_unraisable(vm, e.exc)
    );
    let written = crate::modules::io_open::write_stderr(vm, &text);
    if written.is_err() {
        eprint!("{text}");
    }
    vm.temps.pop();
}

/// After a yield: registers `gen` for finalization by the collector the first time it suspends
/// where closing would run code (a handler other than the generator's own `StopIteration`
/// guard covers the `yield`).
pub fn note_suspended(vm: &Vm, g: &GenData, gen: Value, frame: &Frame) {
    if g.registered.load(Ordering::Relaxed) || !closing_runs_code(frame) {
        return;
    }
    g.registered.store(true, Ordering::Relaxed);
    if let Some(h) = gen.as_handle() {
        vm.m.register_finalizer(h);
    }
}

/// Whether closing the suspended `frame` would run code: its `yield` is covered by a `try` or
/// `with` handler, or its stack holds a generator its loop owns.
fn closing_runs_code(frame: &Frame) -> bool {
    let co = &frame.code.co;
    if !frame.owned.is_empty() {
        return true;
    }
    // A generator body's outermost handler is the `StopIteration` guard around it all: it
    // runs no code of the generator's.
    let Some(h) = co.handler_for(frame.lasti as u32) else {
        return false;
    };
    let guard = co
        .instructions
        .get(h.target as usize)
        .is_some_and(|i| i.op == Op::CALL_INTRINSIC_1 && i.arg == INTRINSIC_STOPITERATION_ERROR);
    !guard
}

/// Closes the generators the collector queued (called at a safepoint, outside the collector).
pub fn run_pending(vm: &mut Vm) {
    if vm.finalizing {
        return;
    }
    let mut pending = vm.m.take_pending_finalizers();
    if pending.is_empty() {
        return;
    }
    vm.finalizing = true;
    // Closing may allocate enough for another collection, which may queue more.
    while !pending.is_empty() {
        close_dropped(vm, &pending);
        pending = vm.m.take_pending_finalizers();
    }
    vm.finalizing = false;
}
