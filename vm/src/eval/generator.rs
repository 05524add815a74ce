//! Generators (CPython's Objects/genobject.c): a generator keeps its suspended [`Frame`] and is
//! resumed by `next`, `send`, `throw` and `close`; `yield from` runs through `SEND`.

use std::sync::atomic::{AtomicBool, Ordering};

use parking_lot::Mutex;
use protopy_objects::{Trace, Tracer, Value};

use super::frame::Frame;
use super::{resume_frame, Exit, Step};
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyErr, PyResult, Vm};
use crate::types::{m, Args, Getter, NativeMethod, Setter};

/// A generator object.
pub struct GenData {
    /// The suspended frame; None while running or once finished.
    pub frame: Mutex<Option<Frame>>,
    pub started: AtomicBool,
    pub finished: AtomicBool,
    pub name: Value,
    pub qualname: Value,
}

impl Trace for GenData {
    fn trace(&self, t: &mut Tracer) {
        if let Some(f) = self.frame.lock().as_ref() {
            f.trace_into(t);
        }
        t.visit(self.name);
        t.visit(self.qualname);
    }
}

/// The generator object a generator function's call returns.
pub fn new_generator(vm: &mut Vm, frame: Frame) -> PyResult<Value> {
    let name = vm.new_str(&frame.code.co.name)?;
    vm.temps.push(name);
    let qualname = vm.new_str(&frame.code.co.qualname);
    vm.temps.pop();
    let qualname = qualname?;
    let data = GenData {
        frame: Mutex::new(Some(frame)),
        started: AtomicBool::new(false),
        finished: AtomicBool::new(false),
        name,
        qualname,
    };
    vm.new_opaque(Ty::Generator, data)
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
    if g.finished.load(Ordering::Relaxed) {
        if let Some(e) = throw {
            return Err(e);
        }
        return Ok(Resumed::Returned(Value::NONE));
    }
    let started = g.started.swap(true, Ordering::Relaxed);
    let Some(mut frame) = g.frame.lock().take() else {
        return Err(vm.value_error("generator already executing"));
    };
    if !started && !value.is_none() && throw.is_none() {
        if let Some(g) = vm.opaque::<GenData>(gen) {
            *g.frame.lock() = Some(frame);
            g.started.store(false, Ordering::Relaxed);
        }
        return Err(vm.type_error("can't send non-None value to a just-started generator"));
    }
    if started && throw.is_none() {
        frame.push(value);
    }
    frame.generator = gen;
    vm.temps.push(gen);
    let (frame, r) = resume_frame(vm, frame, throw);
    vm.temps.pop();
    let Some(g) = vm.opaque::<GenData>(gen) else {
        return Err(vm.type_error("expected a generator"));
    };
    match r {
        Ok(Exit::Yield(v)) => {
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

/// `next(gen)` for the iteration protocol: None once it returns.
pub fn gen_next(vm: &mut Vm, gen: Value) -> PyResult<Option<Value>> {
    match resume(vm, gen, Value::NONE, None)? {
        Resumed::Yielded(v) => Ok(Some(v)),
        Resumed::Returned(_) => Ok(None),
    }
}

fn stop_iteration(vm: &mut Vm, v: Value) -> PyErr {
    let args = if v.is_none() { vec![] } else { vec![v] };
    vm.new_error_args(Ty::StopIteration, args)
}

fn send_result(vm: &mut Vm, r: Resumed) -> PyResult<Value> {
    match r {
        Resumed::Yielded(v) => Ok(v),
        Resumed::Returned(v) => Err(stop_iteration(vm, v)),
    }
}

fn gen_iter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos[0])
}

fn gen_next_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = resume(vm, args.pos[0], Value::NONE, None)?;
    send_result(vm, r)
}

fn gen_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "send", 1, 1)?;
    let r = resume(vm, args.pos[0], args.pos[1], None)?;
    send_result(vm, r)
}

/// The exception `throw(typ[, val])` raises.
fn thrown(vm: &mut Vm, args: &Args) -> PyResult<PyErr> {
    let typ = args.pos[1];
    let exc = if crate::types::typeobj::is_type(vm, typ) {
        let a = match args.get(2) {
            Some(v) if !v.is_none() => vec![v],
            _ => vec![],
        };
        protocols::call::call(vm, typ, Args::new(a))?
    } else {
        typ
    };
    if !vm.is_instance_ty(exc, Ty::BaseException) {
        return Err(vm.type_error(
            "exceptions must be classes or instances deriving from BaseException, not str",
        ));
    }
    Ok(PyErr { exc })
}

fn gen_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "throw", 1, 3)?;
    let e = thrown(vm, &args)?;
    vm.temps.push(e.exc);
    let r = resume(vm, args.pos[0], Value::NONE, Some(e));
    vm.temps.pop();
    send_result(vm, r?)
}

fn gen_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "close", 0, 0)?;
    let gen = args.pos[0];
    let started = vm
        .opaque::<GenData>(gen)
        .is_some_and(|g| g.started.load(Ordering::Relaxed));
    if !started {
        if let Some(g) = vm.opaque::<GenData>(gen) {
            g.finished.store(true, Ordering::Relaxed);
            g.frame.lock().take();
        }
        return Ok(Value::NONE);
    }
    let e = vm.new_error_args(Ty::GeneratorExit, vec![]);
    match resume(vm, gen, Value::NONE, Some(e)) {
        Ok(Resumed::Yielded(_)) => {
            Err(vm.new_error(Ty::RuntimeError, "generator ignored GeneratorExit"))
        }
        Ok(Resumed::Returned(v)) => Ok(v),
        Err(e) if vm.err_is(&e, Ty::GeneratorExit) || vm.err_is(&e, Ty::StopIteration) => {
            Ok(Value::NONE)
        }
        Err(e) => Err(e),
    }
}

/// `SEND`: `receiver, value` → `receiver, result`, jumping to `arg` when the receiver returns.
pub fn send_op(vm: &mut Vm, arg: u32) -> Step {
    let (recv, value) = (vm.f().peek(2), vm.f().peek(1));
    let r = if vm.opaque::<GenData>(recv).is_some() {
        resume(vm, recv, value, None)
    } else {
        let r = if value.is_none() {
            protocols::iter::next(vm, recv).map(|o| o.map(Resumed::Yielded))
        } else {
            protocols::call::call_method(vm, recv, "send", vec![value])
                .map(|v| Some(Resumed::Yielded(v)))
        };
        match r {
            Ok(Some(x)) => Ok(x),
            Ok(None) => Ok(Resumed::Returned(Value::NONE)),
            Err(e) if vm.err_is(&e, Ty::StopIteration) => {
                let v = crate::types::exceptions::args_of(vm, e.exc);
                let v = vm
                    .tuple_items(v)
                    .and_then(|t| t.first().copied())
                    .unwrap_or(Value::NONE);
                Ok(Resumed::Returned(v))
            }
            Err(e) => Err(e),
        }
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
            f.ip = arg as usize;
        }
    }
    Ok(None)
}

fn get_name(vm: &mut Vm, g: Value) -> PyResult<Value> {
    Ok(vm
        .opaque::<GenData>(g)
        .map(|g| g.name)
        .unwrap_or(Value::NONE))
}

fn get_qualname(vm: &mut Vm, g: Value) -> PyResult<Value> {
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

pub const GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    ("__name__", get_name, None),
    ("__qualname__", get_qualname, None),
];
