//! Async generators (CPython's Objects/genobject.c `PyAsyncGen_Type` and its awaitables
//! `async_generator_asend`/`async_generator_athrow`), and the awaitable `anext(it, default)`
//! returns (Objects/iterobject.c `anextawaitable`). An async generator is a [`GenData`] of
//! kind [`GenKind::AsyncGenerator`]; the values it yields itself are wrapped by
//! `INTRINSIC_ASYNC_GEN_WRAP`, which tells them from the values its `await`s pass through.
//! https://docs.python.org/3.14/reference/expressions.html#asynchronous-generator-iterator-methods

use std::sync::atomic::{AtomicU8, Ordering};

use protopy_objects::{Trace, Tracer, Value};

use super::coroutine::{self, stop_to_return};
use super::generator::{self as gen, GenData, GenKind, Resumed};
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyErr, PyResult, Vm};
use crate::types::{m, Args, Getter, NativeMethod, Setter};

/// A value an async generator yielded itself (`_PyAsyncGenWrappedValue`).
pub struct Wrapped {
    pub value: Value,
}

impl Trace for Wrapped {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.value);
    }
}

/// `INTRINSIC_ASYNC_GEN_WRAP`.
pub fn wrap_value(vm: &mut Vm, value: Value) -> PyResult<Value> {
    vm.new_opaque(Ty::AsyncGenWrappedValue, Wrapped { value })
}

const INIT: u8 = 0;
const ITER: u8 = 1;
const CLOSED: u8 = 2;

/// `async_generator_asend`: what `__anext__()` and `asend(value)` return.
pub struct ASend {
    pub gen: Value,
    pub sendval: Value,
    state: AtomicU8,
}

impl Trace for ASend {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.gen);
        t.visit(self.sendval);
    }
}

/// `async_generator_athrow`: what `athrow(...)` (args a tuple) and `aclose()` (args NULL)
/// return.
pub struct AThrow {
    pub gen: Value,
    pub args: Value,
    state: AtomicU8,
}

impl Trace for AThrow {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.gen);
        t.visit(self.args);
    }
}

/// `anext_awaitable`: `anext(aiterator, default)`.
pub struct AnextAwaitable {
    pub wrapped: Value,
    pub default: Value,
}

impl Trace for AnextAwaitable {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.wrapped);
        t.visit(self.default);
    }
}

pub fn new_asend(vm: &mut Vm, gen: Value, sendval: Value) -> PyResult<Value> {
    let a = ASend {
        gen,
        sendval,
        state: AtomicU8::new(INIT),
    };
    vm.new_opaque(Ty::AsyncGenASend, a)
}

fn new_athrow(vm: &mut Vm, gen: Value, args: Value) -> PyResult<Value> {
    let a = AThrow {
        gen,
        args,
        state: AtomicU8::new(INIT),
    };
    vm.new_opaque(Ty::AsyncGenAThrow, a)
}

pub fn new_anext_awaitable(vm: &mut Vm, wrapped: Value, default: Value) -> PyResult<Value> {
    vm.new_opaque(Ty::AnextAwaitable, AnextAwaitable { wrapped, default })
}

fn data(vm: &Vm, gen: Value) -> Option<&GenData> {
    vm.opaque::<GenData>(gen)
        .filter(|g| g.kind == GenKind::AsyncGenerator)
}

fn set_running_async(vm: &Vm, gen: Value, on: bool) {
    if let Some(g) = data(vm, gen) {
        g.running_async.store(on, Ordering::Relaxed);
    }
}

fn unwrapped(vm: &Vm, v: Value) -> Option<Value> {
    vm.opaque::<Wrapped>(v).map(|w| w.value)
}

/// An async generator's step as its awaitable reports it (`async_gen_unwrap_value`): a value
/// it yielded itself ends the awaitable (`Returned`), a value an `await` passed through is
/// yielded on, and its end is `StopAsyncIteration`.
fn unwrap(vm: &mut Vm, gen: Value, r: PyResult<Resumed>) -> PyResult<Resumed> {
    let r = match r {
        Ok(Resumed::Returned(_)) => Err(vm.new_error_args(Ty::StopAsyncIteration, vec![])),
        r => r,
    };
    match r {
        Err(e) => {
            if vm.err_is(&e, Ty::StopAsyncIteration) || vm.err_is(&e, Ty::GeneratorExit) {
                if let Some(g) = data(vm, gen) {
                    g.closed.store(true, Ordering::Relaxed);
                }
            }
            set_running_async(vm, gen, false);
            Err(e)
        }
        Ok(Resumed::Yielded(v)) => match unwrapped(vm, v) {
            Some(inner) => {
                set_running_async(vm, gen, false);
                Ok(Resumed::Returned(inner))
            }
            None => Ok(Resumed::Yielded(v)),
        },
        Ok(r) => Ok(r),
    }
}

fn is_done(r: &PyResult<Resumed>) -> bool {
    !matches!(r, Ok(Resumed::Yielded(_)))
}

fn asend_of(vm: &Vm, o: Value) -> Option<(Value, Value, u8)> {
    let a = vm.opaque::<ASend>(o)?;
    Some((a.gen, a.sendval, a.state.load(Ordering::Relaxed)))
}

fn set_state<T: 'static>(vm: &Vm, o: Value, state: u8, get: fn(&T) -> &AtomicU8) {
    if let Some(a) = vm.opaque::<T>(o) {
        get(a).store(state, Ordering::Relaxed);
    }
}

fn asend_state(vm: &Vm, o: Value, state: u8) {
    set_state::<ASend>(vm, o, state, |a| &a.state);
}

fn athrow_state(vm: &Vm, o: Value, state: u8) {
    set_state::<AThrow>(vm, o, state, |a| &a.state);
}

fn running_async(vm: &Vm, gen: Value) -> bool {
    data(vm, gen).is_some_and(|g| g.running_async.load(Ordering::Relaxed))
}

/// The `INIT` → `ITER` step of an `asend` awaitable (the error when the generator is already
/// driven by another awaitable).
fn asend_start(vm: &mut Vm, o: Value, gen: Value, state: u8) -> PyResult<()> {
    if state == CLOSED {
        return Err(vm.new_error(
            Ty::RuntimeError,
            "cannot reuse already awaited __anext__()/asend()",
        ));
    }
    if state == INIT {
        if running_async(vm, gen) {
            asend_state(vm, o, CLOSED);
            return Err(vm.new_error(
                Ty::RuntimeError,
                "anext(): asynchronous generator is already running",
            ));
        }
        asend_state(vm, o, ITER);
    }
    set_running_async(vm, gen, true);
    Ok(())
}

/// `async_generator_asend.send(value)`.
fn asend_send(vm: &mut Vm, o: Value, value: Value) -> PyResult<Resumed> {
    let Some((gen, sendval, state)) = asend_of(vm, o) else {
        return Err(vm.type_error("expected an async_generator_asend"));
    };
    asend_start(vm, o, gen, state)?;
    let value = if state == INIT && value.is_none() {
        sendval
    } else {
        value
    };
    vm.temps.push(o);
    let r = gen::resume(vm, gen, value, None);
    let r = unwrap(vm, gen, r);
    vm.temps.pop();
    if is_done(&r) {
        asend_state(vm, o, CLOSED);
    }
    r
}

/// `async_generator_asend.throw(...)`.
fn asend_throw(vm: &mut Vm, o: Value, exc: PyErr) -> PyResult<Resumed> {
    let Some((gen, _, state)) = asend_of(vm, o) else {
        return Err(vm.type_error("expected an async_generator_asend"));
    };
    asend_start(vm, o, gen, state)?;
    vm.temps.extend([o, exc.exc]);
    let r = gen::throw(vm, gen, exc);
    let r = unwrap(vm, gen, r);
    vm.temps.truncate(vm.temps.len() - 2);
    if is_done(&r) {
        asend_state(vm, o, CLOSED);
    }
    r
}

fn athrow_of(vm: &Vm, o: Value) -> Option<(Value, Value, u8)> {
    let a = vm.opaque::<AThrow>(o)?;
    Some((a.gen, a.args, a.state.load(Ordering::Relaxed)))
}

fn athrow_reused(vm: &mut Vm) -> PyErr {
    vm.new_error(
        Ty::RuntimeError,
        "cannot reuse already awaited aclose()/athrow()",
    )
}

fn athrow_running(vm: &mut Vm, o: Value, aclose: bool) -> PyErr {
    athrow_state(vm, o, CLOSED);
    let which = if aclose { "aclose" } else { "athrow" };
    vm.new_error(
        Ty::RuntimeError,
        &format!("{which}(): asynchronous generator is already running"),
    )
}

/// `aclose()` finding the generator yielding a value of its own.
fn ignored_exit(vm: &mut Vm, o: Value, gen: Value) -> PyErr {
    set_running_async(vm, gen, false);
    athrow_state(vm, o, CLOSED);
    vm.new_error(Ty::RuntimeError, "async generator ignored GeneratorExit")
}

/// The end of an `athrow`/`aclose` awaitable; `aclose()` turns the generator's end into its
/// own (`check_error`).
fn athrow_finish(
    vm: &mut Vm,
    o: Value,
    gen: Value,
    aclose: bool,
    r: PyResult<Resumed>,
) -> PyResult<Resumed> {
    set_running_async(vm, gen, false);
    athrow_state(vm, o, CLOSED);
    match r {
        Err(e)
            if aclose
                && (vm.err_is(&e, Ty::StopAsyncIteration) || vm.err_is(&e, Ty::GeneratorExit)) =>
        {
            Ok(Resumed::Returned(Value::NONE))
        }
        r => r,
    }
}

/// An `aclose()` step: a value the generator yields itself means it ignored `GeneratorExit`;
/// its return means `StopAsyncIteration`.
fn aclose_step(vm: &mut Vm, o: Value, gen: Value, r: PyResult<Resumed>) -> PyResult<Resumed> {
    let r = match r {
        Ok(Resumed::Returned(_)) => Err(vm.new_error_args(Ty::StopAsyncIteration, vec![])),
        r => r,
    };
    match r {
        Ok(Resumed::Yielded(v)) if unwrapped(vm, v).is_some() => Err(ignored_exit(vm, o, gen)),
        Ok(Resumed::Yielded(v)) => Ok(Resumed::Yielded(v)),
        r => athrow_finish(vm, o, gen, true, r),
    }
}

/// `async_generator_athrow.send(value)`.
fn athrow_send(vm: &mut Vm, o: Value, value: Value) -> PyResult<Resumed> {
    let Some((gen, args, state)) = athrow_of(vm, o) else {
        return Err(vm.type_error("expected an async_generator_athrow"));
    };
    let aclose = args.is_null();
    if state == CLOSED {
        return Err(athrow_reused(vm));
    }
    let Some(g) = data(vm, gen) else {
        return Err(vm.type_error("expected an async generator"));
    };
    if g.finished.load(Ordering::Relaxed) {
        athrow_state(vm, o, CLOSED);
        return Ok(Resumed::Returned(Value::NONE));
    }
    let closed = g.closed.load(Ordering::Relaxed);
    vm.temps.push(o);
    let r = if state == INIT {
        athrow_first(vm, o, gen, args, value, closed)
    } else {
        let r = gen::resume(vm, gen, value, None);
        if aclose {
            aclose_step(vm, o, gen, r)
        } else {
            unwrap(vm, gen, r)
        }
    };
    vm.temps.pop();
    r
}

/// The first `send` of an `athrow`/`aclose` awaitable: throws into the generator.
fn athrow_first(
    vm: &mut Vm,
    o: Value,
    gen: Value,
    args: Value,
    value: Value,
    closed: bool,
) -> PyResult<Resumed> {
    let aclose = args.is_null();
    if running_async(vm, gen) {
        return Err(athrow_running(vm, o, aclose));
    }
    if closed {
        athrow_state(vm, o, CLOSED);
        return Err(vm.new_error_args(Ty::StopAsyncIteration, vec![]));
    }
    if !value.is_none() {
        return Err(vm.new_error(
            Ty::RuntimeError,
            "can't send non-None value to a just-started coroutine",
        ));
    }
    athrow_state(vm, o, ITER);
    set_running_async(vm, gen, true);
    if aclose {
        if let Some(g) = data(vm, gen) {
            g.closed.store(true, Ordering::Relaxed);
        }
        let exit = vm.new_error_args(Ty::GeneratorExit, vec![]);
        vm.temps.push(exit.exc);
        let r = gen::throw_ex(vm, gen, exit, false);
        vm.temps.pop();
        return aclose_step(vm, o, gen, r);
    }
    let mut pos = vec![gen];
    if let Some(items) = vm.tuple_items(args) {
        pos.extend_from_slice(items);
    }
    let args = Args::new(pos);
    args.check_method(vm, "athrow", 1, 3)?;
    let exc = gen::thrown(vm, &args)?;
    vm.temps.push(exc.exc);
    let r = gen::throw_ex(vm, gen, exc, false);
    vm.temps.pop();
    let r = unwrap(vm, gen, r);
    if is_done(&r) {
        return athrow_finish(vm, o, gen, false, r);
    }
    r
}

/// `async_generator_athrow.throw(...)`.
fn athrow_throw(vm: &mut Vm, o: Value, exc: PyErr) -> PyResult<Resumed> {
    let Some((gen, args, state)) = athrow_of(vm, o) else {
        return Err(vm.type_error("expected an async_generator_athrow"));
    };
    let aclose = args.is_null();
    if state == CLOSED {
        return Err(athrow_reused(vm));
    }
    if state == INIT {
        if running_async(vm, gen) {
            return Err(athrow_running(vm, o, aclose));
        }
        athrow_state(vm, o, ITER);
        set_running_async(vm, gen, true);
    }
    vm.temps.extend([o, exc.exc]);
    let r = gen::throw(vm, gen, exc);
    let r = if aclose {
        aclose_step(vm, o, gen, r)
    } else {
        let r = unwrap(vm, gen, r);
        if is_done(&r) {
            athrow_state(vm, o, CLOSED);
        }
        r
    };
    vm.temps.truncate(vm.temps.len() - 2);
    r
}

/// `anext_awaitable`'s iterator (`anextawaitable_getiter`): the awaitable iterator of the
/// wrapped `__anext__()` result, a coroutine's through its `__await__()`.
fn anext_iter(vm: &mut Vm, o: Value) -> PyResult<Value> {
    let Some(a) = vm.opaque::<AnextAwaitable>(o) else {
        return Err(vm.type_error("expected an anext_awaitable"));
    };
    let it = coroutine::awaitable_iter(vm, a.wrapped)?;
    if gen::kind_of(vm, it) == Some(GenKind::Coroutine) {
        return vm.new_opaque(Ty::CoroutineWrapper, coroutine::CoroWrapper { coro: it });
    }
    Ok(it)
}

/// `StopAsyncIteration` from the wrapped awaitable is `anext`'s default.
fn anext_default(vm: &mut Vm, o: Value, r: PyResult<Resumed>) -> PyResult<Resumed> {
    match r {
        Err(e) if vm.err_is(&e, Ty::StopAsyncIteration) => {
            let d = vm
                .opaque::<AnextAwaitable>(o)
                .map_or(Value::NONE, |a| a.default);
            Ok(Resumed::Returned(d))
        }
        r => r,
    }
}

fn anext_send(vm: &mut Vm, o: Value, value: Value) -> PyResult<Resumed> {
    let it = anext_iter(vm, o)?;
    vm.temps.extend([o, it]);
    let r = send_any(vm, it, value);
    vm.temps.truncate(vm.temps.len() - 2);
    anext_default(vm, o, r)
}

fn anext_proxy(vm: &mut Vm, o: Value, meth: &str, args: Vec<Value>) -> PyResult<Resumed> {
    let it = anext_iter(vm, o)?;
    vm.temps.extend([o, it]);
    let r = protocols::call::call_method(vm, it, meth, args);
    let r = stop_to_return(vm, r);
    vm.temps.truncate(vm.temps.len() - 2);
    anext_default(vm, o, r)
}

fn send_any(vm: &mut Vm, recv: Value, value: Value) -> PyResult<Resumed> {
    if gen::kind_of(vm, recv).is_some() {
        return gen::resume(vm, recv, value, None);
    }
    coroutine::send_other(vm, recv, value)
}

/// `send` of protopy's native async awaitables, None for other objects.
pub fn native_send(vm: &mut Vm, recv: Value, value: Value) -> Option<PyResult<Resumed>> {
    if vm.opaque::<ASend>(recv).is_some() {
        return Some(asend_send(vm, recv, value));
    }
    if vm.opaque::<AThrow>(recv).is_some() {
        return Some(athrow_send(vm, recv, value));
    }
    if vm.opaque::<AnextAwaitable>(recv).is_some() {
        return Some(anext_send(vm, recv, value));
    }
    None
}

// ---- the Python-visible methods ----

/// The async generator a method was called on, its thread's hooks applied.
fn agen_of(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if data(vm, v).is_none() {
        return Err(vm.type_error("expected an async generator"));
    }
    crate::modules::sys_async::init_hooks(vm, v)?;
    Ok(v)
}

fn agen_aiter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    coroutine::no_args(vm, &args)?;
    Ok(args.pos[0])
}

fn agen_anext(vm: &mut Vm, args: Args) -> PyResult<Value> {
    coroutine::no_args(vm, &args)?;
    let g = agen_of(vm, args.pos[0])?;
    new_asend(vm, g, Value::NONE)
}

fn agen_asend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = coroutine::qualified(vm, &args, "asend");
    args.check_method(vm, &name, 1, 1)?;
    let g = agen_of(vm, args.pos[0])?;
    new_asend(vm, g, args.pos[1])
}

fn agen_athrow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error("async_generator.athrow() takes no keyword arguments"));
    }
    let g = agen_of(vm, args.pos[0])?;
    let rest = vm.new_tuple(args.pos[1..].to_vec())?;
    vm.temps.push(rest);
    let r = new_athrow(vm, g, rest);
    vm.temps.pop();
    r
}

fn agen_aclose(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = coroutine::qualified(vm, &args, "aclose");
    args.check_method(vm, &name, 0, 0)?;
    let g = agen_of(vm, args.pos[0])?;
    new_athrow(vm, g, Value::NULL)
}

fn get_ag_running(vm: &mut Vm, g: Value) -> PyResult<Value> {
    Ok(Value::from_bool(running_async(vm, g)))
}

pub const METHODS: &[NativeMethod] = &[
    m("__aiter__", agen_aiter, "($self, /)"),
    m("__anext__", agen_anext, "($self, /)"),
    m("asend", agen_asend, ""),
    m("athrow", agen_athrow, ""),
    m("aclose", agen_aclose, ""),
];

pub const GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    ("__name__", gen::get_name, None),
    ("__qualname__", gen::get_qualname, None),
    ("ag_code", gen::get_code, None),
    ("ag_running", get_ag_running, None),
    ("ag_suspended", gen::get_suspended, None),
    ("ag_await", gen::get_yieldfrom, None),
    ("ag_frame", gen::get_frame, None),
];

/// The awaitable types' `__await__`/`__iter__`: the object itself.
fn awaitable_self(vm: &mut Vm, args: Args) -> PyResult<Value> {
    coroutine::no_args(vm, &args)?;
    Ok(args.pos[0])
}

/// `send(value)` of an awaitable: `StopIteration(result)` once it completes.
fn awaitable_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = coroutine::qualified(vm, &args, "send");
    args.check_method(vm, &name, 1, 1)?;
    let o = args.pos[0];
    let r = match native_send(vm, o, args.pos[1]) {
        Some(r) => r?,
        None => return Err(vm.type_error("expected an async generator awaitable")),
    };
    gen::send_result(vm, r)
}

fn awaitable_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    coroutine::no_args(vm, &args)?;
    let o = args.pos[0];
    let r = match native_send(vm, o, Value::NONE) {
        Some(r) => r?,
        None => return Err(vm.type_error("expected an async generator awaitable")),
    };
    gen::send_result(vm, r)
}

fn awaitable_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "throw", 1, 3)?;
    let o = args.pos[0];
    let r = if vm.opaque::<AnextAwaitable>(o).is_some() {
        anext_proxy(vm, o, "throw", args.pos[1..].to_vec())?
    } else {
        let exc = gen::thrown(vm, &args)?;
        vm.temps.push(exc.exc);
        let r = if vm.opaque::<ASend>(o).is_some() {
            asend_throw(vm, o, exc)
        } else {
            athrow_throw(vm, o, exc)
        };
        vm.temps.pop();
        r?
    };
    gen::send_result(vm, r)
}

fn awaitable_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = coroutine::qualified(vm, &args, "close");
    args.check_method(vm, &name, 0, 0)?;
    let o = args.pos[0];
    if vm.opaque::<AnextAwaitable>(o).is_some() {
        let r = anext_proxy(vm, o, "close", vec![])?;
        return gen::send_result(vm, r);
    }
    let closed = match (vm.opaque::<ASend>(o), vm.opaque::<AThrow>(o)) {
        (Some(a), _) => a.state.load(Ordering::Relaxed) == CLOSED,
        (_, Some(a)) => a.state.load(Ordering::Relaxed) == CLOSED,
        _ => return Err(vm.type_error("expected an async generator awaitable")),
    };
    if closed {
        return Ok(Value::NONE);
    }
    let exit = vm.new_error_args(Ty::GeneratorExit, vec![]);
    vm.temps.push(exit.exc);
    let r = if vm.opaque::<ASend>(o).is_some() {
        asend_throw(vm, o, exit)
    } else {
        athrow_throw(vm, o, exit)
    };
    vm.temps.pop();
    match r {
        Ok(Resumed::Returned(_)) => Ok(Value::NONE),
        Err(e)
            if vm.err_is(&e, Ty::StopIteration)
                || vm.err_is(&e, Ty::StopAsyncIteration)
                || vm.err_is(&e, Ty::GeneratorExit) =>
        {
            Ok(Value::NONE)
        }
        Err(e) => Err(e),
        Ok(Resumed::Yielded(_)) => {
            Err(vm.new_error(Ty::RuntimeError, "coroutine ignored GeneratorExit"))
        }
    }
}

/// Methods of `async_generator_asend`, `async_generator_athrow` and `anext_awaitable`.
pub const AWAITABLE_METHODS: &[NativeMethod] = &[
    m("__await__", awaitable_self, "($self, /)"),
    m("__iter__", awaitable_self, "($self, /)"),
    m("__next__", awaitable_next, "($self, /)"),
    m("send", awaitable_send, ""),
    m("throw", awaitable_throw, ""),
    m("close", awaitable_close, ""),
];

// ---- builtins `aiter` and `anext` ----

/// `aiter(async_iterable)`: https://docs.python.org/3.14/library/functions.html#aiter
pub fn builtin_aiter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "aiter", 1, 1)?;
    let obj = args.pos[0];
    let Some(it) = protocols::call::call_special(vm, obj, "__aiter__", vec![])? else {
        let t = vm.type_name(obj);
        return Err(vm.type_error(&format!("'{t}' object is not an async iterable")));
    };
    vm.temps.push(it);
    let key = vm.intern("__anext__");
    vm.temps.pop();
    let ty = vm.type_of(it);
    if crate::types::typeobj::lookup(vm, ty, key?).is_none() {
        let t = vm.type_name(it);
        return Err(vm.type_error(&format!(
            "aiter() returned not an async iterator of type '{t}'"
        )));
    }
    Ok(it)
}

/// `anext(async_iterator[, default])`:
/// https://docs.python.org/3.14/library/functions.html#anext
pub fn builtin_anext(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "anext", 1, 2)?;
    let it = args.pos[0];
    let Some(awaitable) = protocols::call::call_special(vm, it, "__anext__", vec![])? else {
        let t = vm.type_name(it);
        return Err(vm.type_error(&format!("'{t}' object is not an async iterator")));
    };
    match args.get(1) {
        None => Ok(awaitable),
        Some(default) => {
            vm.temps.push(awaitable);
            let r = new_anext_awaitable(vm, awaitable, default);
            vm.temps.pop();
            r
        }
    }
}
