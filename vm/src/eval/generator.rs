//! Generators (CPython's Objects/genobject.c): a generator keeps its suspended [`Frame`] and is
//! resumed by `next`, `send`, `throw` and `close`; `yield from` runs through `SEND`. Coroutines
//! and async generators are the same object with another [`GenKind`] (their own methods are in
//! `coroutine.rs` and `asyncgen.rs`).

use std::sync::atomic::{AtomicBool, Ordering};

use protopy_objects::ObjectMutex as Mutex;
use protopy_objects::{AtomicValue, Trace, Tracer, Value};

use super::frame::Frame;
use super::{resume_frame, Exit, Step};
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyErr, PyResult, Vm};
use crate::types::{m, Args, Getter, NativeMethod, Setter};

/// Which of the three resumable objects a `GenData` is (CPython's `PyGen_Type`,
/// `PyCoro_Type` and `PyAsyncGen_Type`, which share `PyGenObject`'s layout).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

impl GenKind {
    /// The kind a call of code with these `co_flags` makes, if any.
    pub fn of_flags(flags: u32) -> Option<GenKind> {
        use protopy_compiler::bytecode::flags as f;
        if flags & f::GENERATOR != 0 {
            Some(GenKind::Generator)
        } else if flags & f::COROUTINE != 0 {
            Some(GenKind::Coroutine)
        } else if flags & f::ASYNC_GENERATOR != 0 {
            Some(GenKind::AsyncGenerator)
        } else {
            None
        }
    }

    /// The word CPython's messages use ("generator already executing").
    pub fn noun(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        }
    }

    fn ty(self) -> Ty {
        match self {
            GenKind::Generator => Ty::Generator,
            GenKind::Coroutine => Ty::Coroutine,
            GenKind::AsyncGenerator => Ty::AsyncGenerator,
        }
    }
}

/// A generator, coroutine or async generator object.
pub struct GenData {
    pub kind: GenKind,
    /// The suspended frame; None while running or once finished.
    pub frame: Mutex<Option<Frame>>,
    pub started: AtomicBool,
    pub finished: AtomicBool,
    /// Set while the frame runs, or while a `throw`/`close` is delegated to the iterator
    /// of its `yield from` (`gi_running`).
    pub running: AtomicBool,
    /// The code object (`gi_code`).
    pub code: Value,
    /// The exception the suspended frame is handling (it yielded inside an `except` block),
    /// or None (CPython's `gi_exc_state`).
    pub exc_state: AtomicValue,
    pub name: Value,
    pub qualname: Value,
    /// Its frame object (`gi_frame`), made when first asked for; NULL until then.
    pub frame_obj: AtomicValue,
    /// Async generators: an `asend`/`athrow` awaitable is driving it (`ag_running`).
    pub running_async: AtomicBool,
    /// Async generators: `aclose()` was called or it finished (`ag_closed`).
    pub closed: AtomicBool,
    /// Async generators: the thread's hooks were applied (`ag_hooks_inited`).
    pub hooks_inited: AtomicBool,
    /// Coroutines: `cr_origin` when origin tracking was on at creation; async generators:
    /// the thread's `finalizer` hook when the hooks were applied, for whoever finalizes an
    /// abandoned async generator; NULL otherwise (CPython's `ag_origin_or_finalizer`).
    pub origin_or_finalizer: AtomicValue,
    /// Registered with the heap for finalization (`gen_finalize::note_suspended`); once.
    pub registered: AtomicBool,
    /// The last `yield` found to need no closing (`u32::MAX`: none yet), so a generator
    /// suspending at the same place again is not looked up in the exception table again.
    pub plain_yield_at: std::sync::atomic::AtomicU32,
}

impl Trace for GenData {
    fn trace(&self, t: &mut Tracer) {
        if let Some(f) = self.frame.lock().as_ref() {
            f.trace_into(t);
        }
        t.visit(self.code);
        self.exc_state.trace(t);
        t.visit(self.name);
        t.visit(self.qualname);
        self.frame_obj.trace(t);
        self.origin_or_finalizer.trace(t);
    }
}

/// The generator, coroutine or async generator object a call of a function of that kind
/// returns.
pub fn new_generator(vm: &mut Vm, frame: Frame, kind: GenKind) -> PyResult<Value> {
    let name = vm.new_str(&frame.code.co.name)?;
    vm.temps.push(name);
    let qualname = vm.new_str(&frame.code.co.qualname);
    vm.temps.pop();
    let qualname = qualname?;
    let origin = match kind {
        GenKind::Coroutine => super::coroutine::origin(vm)?,
        _ => Value::NULL,
    };
    let code = frame.code_obj;
    let data = GenData {
        kind,
        frame: Mutex::new(Some(frame)),
        started: AtomicBool::new(false),
        finished: AtomicBool::new(false),
        running: AtomicBool::new(false),
        code,
        exc_state: AtomicValue::new(Value::NONE),
        name,
        qualname,
        frame_obj: AtomicValue::new(Value::NULL),
        running_async: AtomicBool::new(false),
        closed: AtomicBool::new(false),
        hooks_inited: AtomicBool::new(false),
        origin_or_finalizer: AtomicValue::new(origin),
        registered: AtomicBool::new(false),
        plain_yield_at: std::sync::atomic::AtomicU32::new(u32::MAX),
    };
    vm.new_opaque(kind.ty(), data)
}

/// What resuming a generator gave.
pub enum Resumed {
    Yielded(Value),
    Returned(Value),
}

/// Resumes `gen` sending `value` (or throwing `throw`).
pub fn resume(vm: &mut Vm, gen: Value, value: Value, throw: Option<PyErr>) -> PyResult<Resumed> {
    let Some(g) = vm.opaque::<GenData>(gen) else {
        return Err(vm.type_error("expected a generator"));
    };
    let kind = g.kind;
    if g.finished.load(Ordering::Relaxed) {
        if kind == GenKind::Coroutine {
            let closing = throw
                .as_ref()
                .is_some_and(|e| vm.err_is(e, Ty::GeneratorExit));
            if !closing {
                return Err(
                    vm.new_error(Ty::RuntimeError, "cannot reuse already awaited coroutine")
                );
            }
        }
        if let Some(e) = throw {
            return Err(e);
        }
        return Ok(Resumed::Returned(Value::NONE));
    }
    if g.running.load(Ordering::Relaxed) {
        return Err(already_executing(vm, kind));
    }
    let Some(mut frame) = g.frame.lock().take() else {
        return Err(already_executing(vm, kind));
    };
    // The frame is ours now (a racing resume found none), so plain loads and stores do:
    // no read-modify-write, which costs as much as the rest of a resume.
    let started = g.started.load(Ordering::Relaxed);
    if !started {
        g.started.store(true, Ordering::Relaxed);
    }
    if let (false, Some(e)) = (started, &throw) {
        // Thrown into a frame that never ran: raised at its start, outside every handler of
        // the body (CPython's prologue instructions are covered by none).
        g.finished.store(true, Ordering::Relaxed);
        let code = frame.code_obj;
        drop(frame);
        crate::types::tbobject::traceback_entry_at_prologue(vm, e.exc, code);
        return Err(PyErr { exc: e.exc });
    }
    if !started && !value.is_none() && throw.is_none() {
        if let Some(g) = vm.opaque::<GenData>(gen) {
            *g.frame.lock() = Some(frame);
            g.started.store(false, Ordering::Relaxed);
        }
        return Err(vm.type_error(&format!(
            "can't send non-None value to a just-started {}",
            kind.noun()
        )));
    }
    if started && throw.is_none() {
        frame.push(value);
    }
    frame.generator = gen;
    // The generator's own handled exception, if it yielded inside an `except` block, is on
    // top of the caller's while it runs.
    let caller_handled = vm.handled;
    let own = g.exc_state.load();
    if !own.is_none() {
        g.exc_state.store(Value::NONE);
        vm.handled = own;
    }
    vm.temps.extend([gen, caller_handled]);
    let (frame, r) = resume_frame(vm, frame, throw);
    vm.temps.truncate(vm.temps.len() - 2);
    let own = std::mem::replace(&mut vm.handled, caller_handled);
    let Some(g) = vm.opaque::<GenData>(gen) else {
        return Err(vm.type_error("expected a generator"));
    };
    match r {
        Ok(Exit::Yield(v)) => {
            if own != caller_handled {
                g.exc_state.store(own);
            }
            super::gen_finalize::note_suspended(vm, g, gen, &frame);
            *g.frame.lock() = Some(frame);
            Ok(Resumed::Yielded(v))
        }
        Ok(Exit::Return(v)) => {
            g.finished.store(true, Ordering::Relaxed);
            Ok(Resumed::Returned(v))
        }
        Err(e) => {
            g.finished.store(true, Ordering::Relaxed);
            Err(e)
        }
    }
}

#[cold]
fn already_executing(vm: &mut Vm, kind: GenKind) -> PyErr {
    vm.value_error(&format!("{} already executing", kind.noun()))
}

/// The kind of a generator-like object, None for anything else.
pub fn kind_of(vm: &Vm, v: Value) -> Option<GenKind> {
    vm.opaque::<GenData>(v).map(|g| g.kind)
}

/// `next(gen)` for the iteration protocol: None once it returns.
pub fn gen_next(vm: &mut Vm, gen: Value) -> PyResult<Option<Value>> {
    match resume(vm, gen, Value::NONE, None)? {
        Resumed::Yielded(v) => Ok(Some(v)),
        Resumed::Returned(_) => Ok(None),
    }
}

pub(crate) fn stop_iteration(vm: &mut Vm, v: Value) -> PyErr {
    let args = if v.is_none() { vec![] } else { vec![v] };
    vm.new_error_args(Ty::StopIteration, args)
}

pub(crate) fn send_result(vm: &mut Vm, r: Resumed) -> PyResult<Value> {
    match r {
        Resumed::Yielded(v) => Ok(v),
        Resumed::Returned(v) => Err(stop_iteration(vm, v)),
    }
}

fn gen_iter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos[0])
}

/// `next(gen)`: the next value, or `StopIteration(return value)`.
pub fn next_or_stop(vm: &mut Vm, gen: Value) -> PyResult<Value> {
    let r = resume(vm, gen, Value::NONE, None)?;
    send_result(vm, r)
}

/// Whether `v` is a plain generator (not a coroutine or async generator).
pub fn is_generator(vm: &Vm, v: Value) -> bool {
    kind_of(vm, v) == Some(GenKind::Generator)
}

fn gen_next_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    next_or_stop(vm, args.pos[0])
}

pub(crate) fn gen_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = format!("{}.send", vm.type_name(args.pos[0]));
    args.check_method(vm, &name, 1, 1)?;
    let r = resume(vm, args.pos[0], args.pos[1], None)?;
    send_result(vm, r)
}

/// The exception `throw(typ[, val[, tb]])` raises (`_gen_throw`'s normalization).
pub(crate) fn thrown(vm: &mut Vm, args: &Args) -> PyResult<PyErr> {
    let typ = args.pos[1];
    let val = args.get(2).filter(|v| !v.is_none());
    if let Some(tb) = args.get(3).filter(|v| !v.is_none()) {
        if !vm.is_instance_ty(tb, Ty::Traceback) {
            return Err(vm.type_error("throw() third argument must be a traceback object"));
        }
    }
    let is_exc_class = crate::types::typeobj::is_type(vm, typ)
        && typ
            .as_handle()
            .is_some_and(|h| crate::types::typeobj::is_subtype(vm, h, vm.ty(Ty::BaseException)));
    let exc = if is_exc_class {
        match val {
            Some(v)
                if vm.is_instance_ty(v, Ty::BaseException)
                    && typ.as_handle().is_some_and(|h| {
                        crate::types::typeobj::is_subtype(vm, vm.type_of(v), h)
                    }) =>
            {
                v
            }
            Some(v) => {
                let a = match vm.tuple_items(v) {
                    Some(items) => items.to_vec(),
                    None => vec![v],
                };
                protocols::call::call(vm, typ, Args::new(a))?
            }
            None => protocols::call::call(vm, typ, Args::new(vec![]))?,
        }
    } else if vm.is_instance_ty(typ, Ty::BaseException) {
        if val.is_some() {
            return Err(vm.type_error("instance exception may not have a separate value"));
        }
        typ
    } else {
        let t = vm.type_name(typ);
        return Err(vm.type_error(&format!(
            "exceptions must be classes or instances deriving from BaseException, not {t}"
        )));
    };
    Ok(PyErr { exc })
}

/// The iterator a generator suspended in `yield from` delegates to (`_PyGen_yf`): the
/// receiver under the `YIELD_VALUE 1` of the `SEND` loop.
pub fn yield_from_of(vm: &Vm, gen: Value) -> Option<Value> {
    let g = vm.opaque::<GenData>(gen)?;
    if !g.started.load(Ordering::Relaxed) || g.finished.load(Ordering::Relaxed) {
        return None;
    }
    let frame = g.frame.lock();
    let f = frame.as_ref()?;
    let instr = f.code.co.instructions.get(f.lasti as usize)?;
    if instr.op != protopy_compiler::bytecode::Opcode::YIELD_VALUE || instr.arg != 1 {
        return None;
    }
    f.stack.last().copied()
}

/// Runs `f` for a generator nested in a `yield from` chain: counted against the recursion
/// limit, on a stack grown as needed.
fn nested<T>(vm: &mut Vm, f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
    vm.enter_native("")?;
    let r = stacker::maybe_grow(64 * 1024, 1024 * 1024, || f(vm));
    vm.exit_native();
    r
}

fn set_running(vm: &Vm, gen: Value, on: bool) {
    if let Some(g) = vm.opaque::<GenData>(gen) {
        g.running.store(on, Ordering::Relaxed);
    }
}

/// Closes the iterator of a `yield from` (`gen_close_iter`).
fn close_iter(vm: &mut Vm, yf: Value) -> PyResult<()> {
    if vm.opaque::<GenData>(yf).is_some() {
        return nested(vm, |vm| close(vm, yf)).map(|_| ());
    }
    let n = vm.intern("close")?;
    if let Some(meth) = protocols::attr::getattr_opt(vm, yf, n)? {
        vm.temps.push(meth);
        let r = protocols::call::call(vm, meth, Args::new(vec![]));
        vm.temps.pop();
        r?;
    }
    Ok(())
}

/// Raises `exc` in `gen` at its paused `yield`, first in the iterator of a `yield from` it is
/// suspended in (`_gen_throw`).
pub fn throw(vm: &mut Vm, gen: Value, exc: PyErr) -> PyResult<Resumed> {
    throw_ex(vm, gen, exc, true)
}

/// `throw` where `close_on_genexit` false throws a `GeneratorExit` into the delegated-to
/// iterator instead of closing it (`aclose()` of an async generator).
pub fn throw_ex(vm: &mut Vm, gen: Value, exc: PyErr, close_on_genexit: bool) -> PyResult<Resumed> {
    let Some(yf) = yield_from_of(vm, gen) else {
        return resume(vm, gen, Value::NONE, Some(exc));
    };
    let mark = vm.temps.len();
    vm.temps.extend([gen, yf, exc.exc]);
    set_running(vm, gen, true);
    let close = close_on_genexit && vm.err_is(&exc, Ty::GeneratorExit);
    let delegated: Option<PyResult<Value>> = if close {
        match close_iter(vm, yf) {
            Ok(()) => None,
            Err(e) => Some(Err(e)),
        }
    } else if vm.opaque::<GenData>(yf).is_some() {
        Some(nested(vm, |vm| throw(vm, yf, exc)).and_then(|r| match r {
            Resumed::Yielded(v) => Ok(v),
            Resumed::Returned(v) => Err(stop_iteration(vm, v)),
        }))
    } else {
        let n = vm.intern("throw")?;
        match protocols::attr::getattr_opt(vm, yf, n) {
            Ok(Some(meth)) => {
                vm.temps.push(meth);
                Some(protocols::call::call(vm, meth, Args::new(vec![exc.exc])))
            }
            Ok(None) => None,
            Err(e) => Some(Err(e)),
        }
    };
    set_running(vm, gen, false);
    let r = match delegated {
        Some(Ok(v)) => Ok(Resumed::Yielded(v)),
        Some(Err(e)) => {
            vm.temps.push(e.exc);
            resume(vm, gen, Value::NONE, Some(e))
        }
        None => resume(vm, gen, Value::NONE, Some(exc)),
    };
    vm.temps.truncate(mark);
    r
}

pub(crate) fn gen_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "throw", 1, 3)?;
    let e = thrown(vm, &args)?;
    vm.temps.push(e.exc);
    let r = throw(vm, args.pos[0], e);
    vm.temps.pop();
    send_result(vm, r?)
}

/// `generator.close()`: raises `GeneratorExit` at the paused `yield`; gives the generator's
/// return value, if it returns one.
pub fn close(vm: &mut Vm, gen: Value) -> PyResult<Value> {
    let Some(g) = vm.opaque::<GenData>(gen) else {
        return Err(vm.type_error("expected a generator"));
    };
    if g.finished.load(Ordering::Relaxed) {
        return Ok(Value::NONE);
    }
    if !g.started.load(Ordering::Relaxed) && !g.running.load(Ordering::Relaxed) {
        if let Some(frame) = g.frame.lock().take() {
            g.finished.store(true, Ordering::Relaxed);
            drop(frame);
            return Ok(Value::NONE);
        }
    }
    let mark = vm.temps.len();
    vm.temps.push(gen);
    let mut pending = None;
    if let Some(yf) = yield_from_of(vm, gen) {
        vm.temps.push(yf);
        set_running(vm, gen, true);
        let r = close_iter(vm, yf);
        set_running(vm, gen, false);
        if let Err(e) = r {
            vm.temps.push(e.exc);
            pending = Some(e);
        }
    }
    let e = match pending {
        Some(e) => e,
        None => vm.new_error_args(Ty::GeneratorExit, vec![]),
    };
    vm.temps.push(e.exc);
    let r = resume(vm, gen, Value::NONE, Some(e));
    vm.temps.truncate(mark);
    match r {
        Ok(Resumed::Yielded(_)) => {
            let noun = kind_of(vm, gen).unwrap_or(GenKind::Generator).noun();
            let msg = format!("{noun} ignored GeneratorExit");
            Err(vm.new_error(Ty::RuntimeError, &msg))
        }
        Ok(Resumed::Returned(v)) => Ok(v),
        Err(e) if vm.err_is(&e, Ty::GeneratorExit) || vm.err_is(&e, Ty::StopIteration) => {
            Ok(Value::NONE)
        }
        Err(e) => Err(e),
    }
}

pub(crate) fn gen_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = format!("{}.close", vm.type_name(args.pos[0]));
    args.check_method(vm, &name, 0, 0)?;
    close(vm, args.pos[0])
}

/// `SEND`: `receiver, value` → `receiver, result`, jumping to `arg` when the receiver returns.
pub fn send_op(vm: &mut Vm, arg: u32) -> Step {
    let (recv, value) = (vm.f().peek(2), vm.f().peek(1));
    let r = if vm.opaque::<GenData>(recv).is_some() {
        resume(vm, recv, value, None)
    } else {
        super::coroutine::send_other(vm, recv, value)
    };
    let f = vm.f();
    match r? {
        Resumed::Yielded(v) => {
            f.pop();
            f.push(v);
        }
        Resumed::Returned(v) => {
            f.pop();
            f.push(v);
            f.ip = arg;
        }
    }
    Ok(None)
}

pub(crate) fn get_name(vm: &mut Vm, g: Value) -> PyResult<Value> {
    Ok(vm
        .opaque::<GenData>(g)
        .map(|g| g.name)
        .unwrap_or(Value::NONE))
}

pub(crate) fn get_qualname(vm: &mut Vm, g: Value) -> PyResult<Value> {
    Ok(vm
        .opaque::<GenData>(g)
        .map(|g| g.qualname)
        .unwrap_or(Value::NONE))
}

pub const METHODS: &[NativeMethod] = &[
    m("__iter__", gen_iter, "($self, /)"),
    m("__next__", gen_next_method, "($self, /)"),
    m("send", gen_send, ""),
    m("throw", gen_throw, ""),
    m("close", gen_close, ""),
];

pub(crate) fn get_code(vm: &mut Vm, g: Value) -> PyResult<Value> {
    Ok(vm
        .opaque::<GenData>(g)
        .map(|g| g.code)
        .unwrap_or(Value::NONE))
}

/// Whether the generator's frame is running (or delegating a `throw`/`close`).
fn is_running(g: &GenData) -> bool {
    g.running.load(Ordering::Relaxed)
        || (g.started.load(Ordering::Relaxed)
            && !g.finished.load(Ordering::Relaxed)
            && g.frame.lock().is_none())
}

pub(crate) fn get_running(vm: &mut Vm, g: Value) -> PyResult<Value> {
    Ok(Value::from_bool(
        vm.opaque::<GenData>(g).is_some_and(is_running),
    ))
}

pub(crate) fn get_suspended(vm: &mut Vm, g: Value) -> PyResult<Value> {
    Ok(Value::from_bool(vm.opaque::<GenData>(g).is_some_and(|g| {
        g.started.load(Ordering::Relaxed) && !g.finished.load(Ordering::Relaxed) && !is_running(g)
    })))
}

pub(crate) fn get_yieldfrom(vm: &mut Vm, g: Value) -> PyResult<Value> {
    Ok(yield_from_of(vm, g).unwrap_or(Value::NONE))
}

/// `gi_frame`: the generator's frame object (one per generator, at the line the frame is
/// at), None once the generator is finished.
pub(crate) fn get_frame(vm: &mut Vm, g: Value) -> PyResult<Value> {
    let Some(data) = vm.opaque::<GenData>(g) else {
        return Ok(Value::NONE);
    };
    if data.finished.load(Ordering::Relaxed) {
        return Ok(Value::NONE);
    }
    let existing = data.frame_obj.load();
    // The suspended frame, or the running one on this thread's frame stack.
    // A frame not yet started is at its `def` line, as CPython's `RESUME` is.
    let started = data.started.load(Ordering::Relaxed);
    let state = match data.frame.lock().as_ref() {
        Some(f) if !started => Some((f.globals, f.builtins, f.code.co.first_line)),
        Some(f) => Some((f.globals, f.builtins, f.line())),
        None => vm
            .frames
            .iter()
            .rev()
            .find(|f| f.generator == g)
            .map(|f| (f.globals, f.builtins, f.line())),
    };
    let (globals, builtins, line) = match state {
        Some(s) => s,
        None if !existing.is_null() => return Ok(existing),
        None => return Ok(Value::NONE),
    };
    if !existing.is_null() {
        crate::types::tbobject::set_frame_line(vm, existing, line);
        return Ok(existing);
    }
    let code = data.code;
    let f = crate::types::tbobject::new_generator_frame(vm, code, globals, builtins, line)?;
    if let Some(data) = vm.opaque::<GenData>(g) {
        data.frame_obj.store(f);
    }
    Ok(f)
}

/// `generator.__repr__`: `<generator object QUALNAME at 0x...>`.
pub fn generator_repr(vm: &mut Vm, v: Value) -> Option<String> {
    let g = vm.opaque::<GenData>(v)?;
    let (q, ty) = (g.qualname, g.kind.ty());
    let q = vm.rust_str(q).unwrap_or_default();
    Some(format!(
        "<{} object {q} at {:#x}>",
        ty.name(),
        crate::protocols::address(v)
    ))
}

pub const GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    ("__name__", get_name, None),
    ("__qualname__", get_qualname, None),
    ("gi_code", get_code, None),
    ("gi_running", get_running, None),
    ("gi_suspended", get_suspended, None),
    ("gi_yieldfrom", get_yieldfrom, None),
    ("gi_frame", get_frame, None),
];
