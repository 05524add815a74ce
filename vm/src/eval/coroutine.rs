//! Coroutines and `await` (CPython's Objects/genobject.c `PyCoro_Type`, `_PyCoroWrapper_Type`,
//! `_PyCoro_GetAwaitableIter`, and the `GET_AWAITABLE`/`GET_AITER`/`GET_ANEXT`/`END_ASYNC_FOR`
//! handlers of Python/bytecodes.c). A coroutine is a [`GenData`] of kind
//! [`GenKind::Coroutine`]: it runs on the generator machinery of `generator.rs`.
//! https://docs.python.org/3.14/reference/datamodel.html#coroutines

use protopy_compiler::bytecode::flags;
use protopy_objects::{Trace, Tracer, Value};

use super::generator::{self as gen, GenData, GenKind, Resumed};
use super::Step;
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyErr, PyResult, Vm};
use crate::types::{m, typeobj, Args, Getter, NativeMethod, Setter};

/// What `coroutine.__await__()` returns: an iterator driving the coroutine.
pub struct CoroWrapper {
    pub coro: Value,
}

impl Trace for CoroWrapper {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.coro);
    }
}

/// Whether `v` is a coroutine, or a generator marked by `types.coroutine`
/// (`CO_ITERABLE_COROUTINE`): what `await` takes as it is.
pub fn is_coroutine_like(vm: &Vm, v: Value) -> bool {
    match vm.opaque::<GenData>(v) {
        Some(g) if g.kind == GenKind::Coroutine => true,
        Some(g) if g.kind == GenKind::Generator => {
            let code = g.code;
            vm.opaque::<crate::types::function::Code>(code)
                .is_some_and(|c| c.0.co.flags & flags::ITERABLE_COROUTINE != 0)
        }
        _ => false,
    }
}

fn has_special(vm: &mut Vm, v: Value, name: &str) -> PyResult<bool> {
    let key = vm.intern(name)?;
    let ty = vm.type_of(v);
    Ok(typeobj::lookup(vm, ty, key).is_some_and(|f| !f.is_none()))
}

/// The iterator `await o` drives (`_PyCoro_GetAwaitableIter`): a coroutine itself, else what
/// `type(o).__await__(o)` returns, which must be an iterator and not a coroutine.
pub fn awaitable_iter(vm: &mut Vm, o: Value) -> PyResult<Value> {
    if is_coroutine_like(vm, o) {
        return Ok(o);
    }
    let Some(res) = protocols::call::call_special(vm, o, "__await__", vec![])? else {
        let t = vm.type_name(o);
        return Err(vm.type_error(&format!("'{t}' object can't be awaited")));
    };
    if is_coroutine_like(vm, res) {
        return Err(vm.type_error("__await__() returned a coroutine"));
    }
    vm.temps.push(res);
    let is_iter = has_special(vm, res, "__next__");
    vm.temps.pop();
    if !is_iter? {
        let t = vm.type_name(res);
        return Err(vm.type_error(&format!("__await__() returned non-iterator of type '{t}'")));
    }
    Ok(res)
}

/// `GET_AWAITABLE`: the awaitable iterator of `STACK[-1]`; `arg` 1 and 2 name `async with`'s
/// `__aenter__`/`__aexit__` in the error (`_PyEval_GetAwaitable`).
pub fn get_awaitable(vm: &mut Vm, arg: u32) -> Step {
    let v = vm.f().peek(1);
    let it = match awaitable_iter(vm, v) {
        Ok(it) => it,
        Err(e) => {
            vm.temps.push(e.exc);
            let has_await = has_special(vm, v, "__await__");
            vm.temps.pop();
            if (arg == 1 || arg == 2) && !has_await? {
                let t = vm.type_name(v);
                let from = if arg == 1 { "__aenter__" } else { "__aexit__" };
                return Err(vm.type_error(&format!(
                    "'async with' received an object from {from} that does not implement \
                     __await__: {t}"
                )));
            }
            return Err(e);
        }
    };
    if gen::kind_of(vm, it) == Some(GenKind::Coroutine) && gen::yield_from_of(vm, it).is_some() {
        return Err(vm.new_error(Ty::RuntimeError, "coroutine is being awaited already"));
    }
    crate::ops::replace_top(vm, 1, it)
}

/// `GET_AITER`: `type(o).__aiter__(o)`, which must have `__anext__`.
pub fn get_aiter(vm: &mut Vm) -> Step {
    let obj = vm.f().peek(1);
    let Some(it) = protocols::call::call_special(vm, obj, "__aiter__", vec![])? else {
        let t = vm.type_name(obj);
        return Err(vm.type_error(&format!(
            "'async for' requires an object with __aiter__ method, got {t}"
        )));
    };
    vm.temps.push(it);
    let ok = has_special(vm, it, "__anext__");
    vm.temps.pop();
    if !ok? {
        let t = vm.type_name(it);
        return Err(vm.type_error(&format!(
            "'async for' received an object from __aiter__ that does not implement __anext__: {t}"
        )));
    }
    crate::ops::replace_top(vm, 1, it)
}

/// `GET_ANEXT`: pushes the awaitable of `STACK[-1].__anext__()` (`_PyEval_GetANext`).
pub fn get_anext(vm: &mut Vm) -> Step {
    let aiter = vm.f().peek(1);
    if gen::kind_of(vm, aiter) == Some(GenKind::AsyncGenerator) {
        crate::modules::sys_async::init_hooks(vm, aiter)?;
        let a = super::asyncgen::new_asend(vm, aiter, Value::NONE)?;
        vm.f().push(a);
        return Ok(None);
    }
    let Some(next) = protocols::call::call_special(vm, aiter, "__anext__", vec![])? else {
        let t = vm.type_name(aiter);
        return Err(vm.type_error(&format!(
            "'async for' requires an iterator with __anext__ method, got {t}"
        )));
    };
    vm.temps.push(next);
    let r = awaitable_iter(vm, next);
    vm.temps.pop();
    match r {
        Ok(a) => {
            vm.f().push(a);
            Ok(None)
        }
        Err(cause) => {
            let t = vm.type_name(next);
            vm.temps.push(cause.exc);
            let e = vm.type_error(&format!(
                "'async for' received an invalid object from __anext__: {t}"
            ));
            vm.temps.pop();
            crate::types::exceptions::set_cause(vm, e.exc, cause.exc);
            Err(e)
        }
    }
}

/// `END_ASYNC_FOR`: `aiter, exc`; `StopAsyncIteration` ends the loop, anything else is
/// re-raised.
pub fn end_async_for(vm: &mut Vm) -> Step {
    let exc = vm.f().peek(1);
    if vm.is_instance_ty(exc, Ty::StopAsyncIteration) {
        vm.f().pop_n(2);
        return Ok(None);
    }
    vm.reraising = true;
    Err(PyErr { exc })
}

/// `INTRINSIC_STOPITERATION_ERROR`: a `StopIteration` escaping a generator or coroutine (or a
/// `StopAsyncIteration` escaping an async generator) becomes a `RuntimeError` (PEP 479).
pub fn stop_iteration_error(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let kind = GenKind::of_flags(vm.f().code.co.flags).unwrap_or(GenKind::Generator);
    let escaped = if vm.is_instance_ty(v, Ty::StopIteration) {
        "StopIteration"
    } else if kind == GenKind::AsyncGenerator && vm.is_instance_ty(v, Ty::StopAsyncIteration) {
        "StopAsyncIteration"
    } else {
        return Ok(v);
    };
    let msg = format!("{} raised {escaped}", kind.noun());
    let e = vm.new_error(Ty::RuntimeError, &msg);
    if let Some(d) = vm.opaque::<crate::types::exceptions::ExcData>(e.exc) {
        *d.cause.lock() = v;
        *d.context.lock() = v;
        d.suppress_context
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }
    Ok(e.exc)
}

/// Sends `value` to a `yield from`/`await` receiver that is not a generator-like object:
/// protopy's native awaitables directly, anything else by `__next__` (None) or `send`.
pub fn send_other(vm: &mut Vm, recv: Value, value: Value) -> PyResult<Resumed> {
    if let Some(w) = vm.opaque::<CoroWrapper>(recv) {
        let coro = w.coro;
        return gen::resume(vm, coro, value, None);
    }
    if let Some(r) = super::asyncgen::native_send(vm, recv, value) {
        return r;
    }
    let r = if value.is_none() {
        match crate::types::iter::native_next(vm, recv)? {
            Some(Some(v)) => return Ok(Resumed::Yielded(v)),
            Some(None) => return Ok(Resumed::Returned(Value::NONE)),
            None => match protocols::call::call_special(vm, recv, "__next__", vec![]) {
                Ok(Some(v)) => Ok(v),
                Ok(None) => {
                    let t = vm.type_name(recv);
                    return Err(vm.type_error(&format!("'{t}' object is not an iterator")));
                }
                Err(e) => Err(e),
            },
        }
    } else {
        protocols::call::call_method(vm, recv, "send", vec![value])
    };
    stop_to_return(vm, r)
}

/// A result where `StopIteration(value)` means the receiver returned `value`.
pub fn stop_to_return(vm: &mut Vm, r: PyResult<Value>) -> PyResult<Resumed> {
    match r {
        Ok(v) => Ok(Resumed::Yielded(v)),
        Err(e) if vm.err_is(&e, Ty::StopIteration) => Ok(Resumed::Returned(stop_value(vm, e.exc))),
        Err(e) => Err(e),
    }
}

/// `StopIteration.value`: its first argument, or None.
pub fn stop_value(vm: &Vm, exc: Value) -> Value {
    let a = crate::types::exceptions::args_of(vm, exc);
    vm.tuple_items(a)
        .and_then(|t| t.first().copied())
        .unwrap_or(Value::NONE)
}

/// The argument check of a slot wrapper taking no arguments (`__await__`, `__anext__`, ...):
/// CPython's `check_num_args`.
pub fn no_args(vm: &mut Vm, args: &Args) -> PyResult<()> {
    if !args.kw.is_empty() {
        let t = vm.type_name(args.pos[0]);
        return Err(vm.type_error(&format!("wrapper takes no keyword arguments ({t})")));
    }
    let n = args.pos.len().saturating_sub(1);
    if n != 0 {
        return Err(vm.type_error(&format!("expected 0 arguments, got {n}")));
    }
    Ok(())
}

/// `Type.meth` for the argument errors of a method shared by several types.
pub fn qualified(vm: &Vm, args: &Args, meth: &str) -> String {
    format!("{}.{meth}", vm.type_name(args.pos[0]))
}

fn coro_await(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args)?;
    vm.new_opaque(Ty::CoroutineWrapper, CoroWrapper { coro: args.pos[0] })
}

/// `cr_origin` of a coroutine made now (`compute_cr_origin`): `(filename, line, name)` of
/// the innermost `sys.get_coroutine_origin_tracking_depth()` frames calling its function,
/// or NULL when tracking is off.
pub fn origin(vm: &mut Vm) -> PyResult<Value> {
    let depth = vm.coroutine_origin_depth as usize;
    if depth == 0 {
        return Ok(Value::NULL);
    }
    let frames: Vec<(std::sync::Arc<crate::types::function::CodeData>, u32)> = vm
        .frames
        .iter()
        .rev()
        .take(depth)
        .map(|f| (f.code.clone(), f.line()))
        .collect();
    let mark = vm.temps.len();
    let r = (|| {
        let mut items = Vec::with_capacity(frames.len());
        for (code, line) in &frames {
            let filename = vm.new_str(&code.co.filename)?;
            vm.temps.push(filename);
            let name = vm.new_str(&code.co.name)?;
            vm.temps.push(name);
            let line = vm.new_i64(i64::from(*line))?;
            let info = vm.new_tuple(vec![filename, line, name])?;
            vm.temps.push(info);
            items.push(info);
        }
        vm.new_tuple(items)
    })();
    vm.temps.truncate(mark);
    r
}

/// `cr_origin`: where the coroutine was made, when origin tracking was on.
fn get_origin(vm: &mut Vm, g: Value) -> PyResult<Value> {
    let origin = vm
        .opaque::<GenData>(g)
        .map_or(Value::NULL, |g| g.origin_or_finalizer.load());
    Ok(if origin.is_null() {
        Value::NONE
    } else {
        origin
    })
}

pub const METHODS: &[NativeMethod] = &[
    m("send", gen::gen_send, ""),
    m("throw", gen::gen_throw, ""),
    m("close", gen::gen_close, ""),
    m("__await__", coro_await, "($self, /)"),
];

pub const GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    ("__name__", gen::get_name, None),
    ("__qualname__", gen::get_qualname, None),
    ("cr_code", gen::get_code, None),
    ("cr_running", gen::get_running, None),
    ("cr_suspended", gen::get_suspended, None),
    ("cr_await", gen::get_yieldfrom, None),
    ("cr_frame", gen::get_frame, None),
    ("cr_origin", get_origin, None),
];

fn wrapped_coro(vm: &mut Vm, w: Value) -> PyResult<Value> {
    match vm.opaque::<CoroWrapper>(w) {
        Some(w) => Ok(w.coro),
        None => Err(vm.type_error("expected a coroutine_wrapper")),
    }
}

/// `coroutine_wrapper` methods: the coroutine's `send`/`throw`/`close` through the iterator.
fn wrapper_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args)?;
    Ok(args.pos[0])
}

fn wrapper_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args)?;
    let coro = wrapped_coro(vm, args.pos[0])?;
    let r = gen::resume(vm, coro, Value::NONE, None)?;
    gen::send_result(vm, r)
}

fn with_coro(
    vm: &mut Vm,
    mut args: Args,
    f: fn(&mut Vm, Args) -> PyResult<Value>,
) -> PyResult<Value> {
    let coro = wrapped_coro(vm, args.pos[0])?;
    args.pos[0] = coro;
    f(vm, args)
}

fn wrapper_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = qualified(vm, &args, "send");
    args.check_method(vm, &name, 1, 1)?;
    with_coro(vm, args, gen::gen_send)
}

fn wrapper_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    with_coro(vm, args, gen::gen_throw)
}

fn wrapper_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = qualified(vm, &args, "close");
    args.check_method(vm, &name, 0, 0)?;
    with_coro(vm, args, gen::gen_close)
}

pub const WRAPPER_METHODS: &[NativeMethod] = &[
    m("__iter__", wrapper_iter, "($self, /)"),
    m("__next__", wrapper_next, "($self, /)"),
    m("send", wrapper_send, ""),
    m("throw", wrapper_throw, ""),
    m("close", wrapper_close, ""),
];
