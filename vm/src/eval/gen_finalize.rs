//! When abandoned generators are closed (CPython's `_PyGen_Finalize`, Objects/genobject.c, run
//! when a generator's reference count drops to zero). protopy has no reference counts, so two
//! rules stand in for them (design record 0007):
//!
//! - **Loop ownership**, exact: a `for` loop (or comprehension) whose iterable is the result of
//!   calling a generator function right there (`for x in gen():`, `for x in (y for y in z):`),
//!   or of an exact `enumerate`/`map`/`filter`/`zip` given such a result
//!   (`for i, x in enumerate(gen()):`), holds the only reference to that generator. The frame
//!   records it (`Frame::owned`); when the loop's iterator slot is dropped early (`break` and
//!   `return` pop it, an exception unwinds past it, the frame ends), the generator is closed
//!   right there, as CPython's refcount would.
//! - **Finalization by the collector**, the general fallback: a generator that suspends where
//!   closing it would run code (its `yield` is inside a `try` or `with`) is registered with the
//!   heap; a collection that finds it unreachable keeps it alive and queues it, and the next
//!   safepoint of a thread closes it (once), outside the collector.
//!
//! Errors from either close are reported as CPython's default `sys.unraisablehook` does.

use std::sync::atomic::Ordering;

use protopy_compiler::bytecode::{
    flags, opcodes::INTRINSIC_STOPITERATION_ERROR, Flow, Instr, Opcode as Op,
};
use protopy_objects::Value;

use super::frame::Frame;
use super::generator::{close, generator_repr, GenData};
use super::Exit;
use crate::runtime::Ty;
use crate::thread::{PyErr, PyResult, Vm};
use crate::types::function::{BoundMethod, Function};

/// A generator a frame holds the only reference to: directly (`holder == gen`, in a loop's
/// iterator slot or a generator expression's `.0`), or through the builtin iterator that wraps
/// it (`enumerate`, `map`, `filter`, `zip`) in a loop's slot. When `holder` is dropped, `gen` is
/// closed.
///
/// A record starts `pending`, made by the `CALL` that created the generator, and becomes
/// confirmed only when the loop's `GET_ITER` (at `at`) receives the generator itself from
/// that `CALL`, or, for a wrapper, when the generic call path saw the exact wrapper type take
/// it ([`call_consumed`]). A record still pending at its `GET_ITER` is dropped: whatever took
/// the generator (a call through another path, which may keep it) is not known to keep it out
/// of reach. Only confirmed records close anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Owned {
    pub holder: Value,
    pub gen: Value,
    /// Pending: the `GET_ITER` that must confirm it; `u32::MAX` once confirmed.
    at: u32,
    /// Pending on a call that hands it on (a wrapper), not on a `GET_ITER` of its own.
    via_call: bool,
}

const CONFIRMED: u32 = u32::MAX;

/// A frame's [`Owned`] records: one word in the frame (which is moved on every call and
/// every generator resume), a vector only once a loop owns a generator.
#[derive(Default)]
#[allow(clippy::box_collection)] // one word rather than `Vec`'s three: the point here
pub struct OwnedList(Option<Box<Vec<Owned>>>);

impl OwnedList {
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.0.as_ref().is_none_or(|v| v.is_empty())
    }

    pub fn push(&mut self, o: Owned) {
        self.0.get_or_insert_with(Default::default).push(o);
    }

    pub fn retain(&mut self, f: impl FnMut(&Owned) -> bool) {
        if let Some(v) = &mut self.0 {
            v.retain(f);
        }
    }

    pub fn retain_mut(&mut self, f: impl FnMut(&mut Owned) -> bool) {
        if let Some(v) = &mut self.0 {
            v.retain_mut(f);
        }
    }
}

impl IntoIterator for OwnedList {
    type Item = Owned;
    type IntoIter = std::vec::IntoIter<Owned>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.map(|v| *v).unwrap_or_default().into_iter()
    }
}

impl Owned {
    fn confirmed(self) -> bool {
        self.at == CONFIRMED
    }
}

/// What the `CALL` about to call `callable` makes of the new generator it returns.
pub enum Feeds {
    /// Nothing known: the generator may be referenced elsewhere.
    Nothing,
    /// The `GET_ITER` at `at` takes it next (`via_call`: after a call that hands it on).
    Loop { at: u32, via_call: bool },
}

/// The builtin iterator types that keep the iterables they are given out of reach, running no
/// code of them but `iter()` and `next()` (and `map`'s or `filter`'s function on their items).
const WRAPPERS: [Ty; 4] = [Ty::Enumerate, Ty::Map, Ty::Filter, Ty::Zip];

/// Whether `ip` starts a `for` loop's (or comprehension's) `GET_ITER` ... `FOR_ITER`: between
/// them only stack moves of an inlined comprehension (`LOAD_FAST_AND_CLEAR`, `SWAP`, an empty
/// `BUILD_*`), or the `CALL 0` that makes a generator expression of it.
fn starts_loop(code: &[Instr], ip: usize) -> bool {
    if code.get(ip).map(|i| i.op) != Some(Op::GET_ITER) {
        return false;
    }
    for ins in code.iter().skip(ip + 1).take(8) {
        match ins.op {
            Op::FOR_ITER => return true,
            Op::CALL if ins.arg == 0 => return true,
            Op::LOAD_FAST_AND_CLEAR | Op::SWAP => {}
            Op::BUILD_LIST | Op::BUILD_SET | Op::BUILD_MAP if ins.arg == 0 => {}
            _ => return false,
        }
    }
    false
}

/// Whether the `CALL` about to call `callable` creates a generator this frame may own: the
/// callable is a generator function (or a method bound to one), so the call returns a new
/// generator without running Python code, and the instruction that takes its stack slot
/// (found by the stack effects of the straight-line code that follows; code run meanwhile
/// cannot reach the slot) is a loop's `GET_ITER` ([`starts_loop`]), or a `CALL` whose result
/// a loop takes (a wrapper, as in `zip(a(), b())`, resolved by [`call_consumed`]).
pub fn call_feeds_loop(vm: &mut Vm, callable: Value) -> Feeds {
    let func = match vm.opaque::<BoundMethod>(callable) {
        Some(b) => b.func,
        None => callable,
    };
    let generator = vm
        .opaque::<Function>(func)
        .is_some_and(|fun| fun.data.co.flags & flags::GENERATOR != 0);
    if !generator {
        return Feeds::Nothing;
    }
    let f = vm.f();
    let code = &f.code.co.instructions;
    // Values pushed above the generator's slot.
    let mut above = 0u32;
    let mut ip = f.ip as usize;
    let (at, via_call) = loop {
        let Some(ins) = code.get(ip) else {
            return Feeds::Nothing;
        };
        if ins.op.flow() != Flow::Next || ip >= f.ip as usize + 64 {
            return Feeds::Nothing;
        }
        let effect = ins.op.stack_effect(ins.arg);
        if effect.pops > above {
            match ins.op {
                Op::GET_ITER => break (ip, false),
                Op::CALL | Op::CALL_KW => break (ip + 1, true),
                _ => return Feeds::Nothing,
            }
        }
        above = above - effect.pops + effect.pushes;
        ip += 1;
    };
    if !starts_loop(code, at) {
        return Feeds::Nothing;
    }
    Feeds::Loop {
        at: at as u32,
        via_call,
    }
}

/// Records the generator a [`Feeds::Loop`] call returned as pending ownership of the frame.
pub fn own(vm: &mut Vm, feeds: Feeds, gen: Value) {
    if let Feeds::Loop { at, via_call } = feeds {
        if vm.opaque::<GenData>(gen).is_some() {
            vm.f().owned.push(Owned {
                holder: gen,
                gen,
                at,
                via_call,
            });
        }
    }
}

/// `GET_ITER` at `ip` with `top` on the stack: confirms the record it was to confirm (the
/// generator itself arrived, straight from its `CALL`), drops it otherwise.
pub fn at_get_iter(f: &mut Frame, ip: usize, top: Value) {
    f.owned.retain_mut(|o| {
        if o.at != ip as u32 {
            return true;
        }
        if !o.via_call && o.gen == top {
            o.at = CONFIRMED;
            return true;
        }
        false
    });
}

/// A `CALL` is about to consume the top `n` stack values (its arguments): the owned
/// generators among them leave the frame's records and are returned, first passed first.
pub fn take_passed(vm: &mut Vm, n: usize) -> Vec<Owned> {
    let f = vm.f();
    if f.owned.is_empty() {
        return Vec::new();
    }
    let args = &f.stack[f.stack.len().saturating_sub(n)..];
    let mut passed: Vec<(usize, Owned)> = Vec::new();
    f.owned
        .retain(|o| match args.iter().position(|&a| a == o.holder) {
            Some(i) => {
                passed.push((i, *o));
                false
            }
            None => true,
        });
    passed.sort_by_key(|&(i, _)| i);
    passed.into_iter().map(|(_, o)| o).collect()
}

/// A `CALL` of `callable` with positional `args` (the receiver first) returned `made`, having
/// been passed the owned generator `owned` ([`take_passed`]). A generator expression's
/// function called with it alone (its `.0`) takes it over (the new generator's frame keeps it
/// only in `.0` and its loop); a wrapper ([`WRAPPERS`], exactly) holds it for the loop that
/// follows, which then owns the pair.
pub fn call_consumed(vm: &mut Vm, callable: Value, owned: Owned, args: &[Value], made: Value) {
    if owned.holder != owned.gen {
        return;
    }
    let genexpr = owned.confirmed()
        && args == [owned.gen]
        && vm.opaque::<Function>(callable).is_some_and(|fun| {
            fun.data.co.flags & flags::GENERATOR != 0 && fun.data.co.name == "<genexpr>"
        });
    if genexpr {
        if let Some(g) = vm.opaque::<GenData>(made) {
            if let Some(frame) = g.frame.lock().as_mut() {
                frame.owned.push(owned);
            }
        }
        return;
    }
    let wrapper = WRAPPERS
        .iter()
        .any(|&t| callable == vm.ty_val(t) && vm.is_exact(made, t));
    let f = vm.f();
    if wrapper && owned.via_call && owned.at == f.ip {
        f.owned.push(Owned {
            holder: made,
            gen: owned.gen,
            at: CONFIRMED,
            via_call: false,
        });
    }
}

/// `FOR_ITER` popped `it`, exhausted: a wrapper may stop before the generator it holds does
/// (`zip` over a shorter iterable), so an owned generator is closed (nothing runs if it is
/// finished).
pub fn exhausted(vm: &mut Vm, it: Value) {
    popped(vm, it);
}

/// `POP_TOP` dropped `v`: if it held an owned generator (`break`, `return` inside the loop),
/// closes the generator.
pub fn popped(vm: &mut Vm, v: Value) {
    let f = vm.f();
    let mut gens = Vec::new();
    f.owned.retain(|o| {
        if o.holder != v {
            return true;
        }
        if o.confirmed() {
            gens.push(o.gen);
        }
        false
    });
    if !gens.is_empty() {
        // A wrapper frees its tuple of iterators from the end.
        gens.reverse();
        close_dropped(vm, &gens);
    }
}

/// The owned generators held in the stack slots from `depth` up, about to be dropped by an
/// unwind; they leave the frame's records, as do records whose holder the frame no longer has
/// anywhere. In CPython's order: the stack popped from the top.
pub fn take_above(f: &mut Frame, depth: usize) -> Vec<Value> {
    if f.owned.is_empty() {
        return Vec::new();
    }
    let cut = depth.min(f.stack.len());
    let mut out = Vec::new();
    let (stack, fast) = (&f.stack, &f.fast);
    f.owned.retain(|o| {
        let slot = stack.iter().rposition(|&v| v == o.holder);
        if slot.is_some_and(|i| i < cut) || fast.contains(&o.holder) {
            return true;
        }
        if let Some(i) = slot.filter(|_| o.confirmed()) {
            out.push((i, o.gen));
        }
        false
    });
    drop_order(out)
}

/// Generators by the stack slot of their holder, highest first; a wrapper's last first, as
/// its tuple of iterators is freed from the end.
fn drop_order(mut held: Vec<(usize, Value)>) -> Vec<Value> {
    held.reverse();
    held.sort_by_key(|&(slot, _)| std::cmp::Reverse(slot));
    held.into_iter().map(|(_, g)| g).collect()
}

/// The running frame returned or raised (not a yield): closes the owned generators it still
/// holds, before it is popped: those of its stack from the top, then those of its locals (a
/// generator expression's `.0`), as CPython pops the stack and then clears the frame.
pub fn frame_done(vm: &mut Vm, r: &PyResult<Exit>) {
    let frame = vm.f();
    let owned = std::mem::take(&mut frame.owned);
    let (stack, fast) = (&frame.stack, &frame.fast);
    let held: Vec<(usize, Value)> = owned
        .into_iter()
        .filter(|o| o.confirmed())
        .filter_map(|o| {
            // Locals rank below every stack slot.
            match stack.iter().rposition(|&v| v == o.holder) {
                Some(i) => Some((i + 1, o.gen)),
                None => fast.contains(&o.holder).then_some((0, o.gen)),
            }
        })
        .collect();
    let held = drop_order(held);
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
    if g.registered.load(Ordering::Relaxed) {
        return;
    }
    let plain_here =
        frame.owned.is_empty() && g.plain_yield_at.load(Ordering::Relaxed) == frame.lasti;
    if plain_here {
        return;
    }
    if !closing_runs_code(frame) {
        if frame.owned.is_empty() {
            g.plain_yield_at.store(frame.lasti, Ordering::Relaxed);
        }
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
    let Some(h) = co.handler_for(frame.lasti) else {
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
