//! Exception objects (CPython's Objects/exceptions.c): `BaseException` and its subclasses hold
//! their `args`, traceback entries, `__context__` and `__cause__`.

use parking_lot::Mutex;
use protopy_objects::{Handle, Trace, Tracer, Value};

use super::{Args, Getter, NativeMethod, Setter};
use crate::thread::{PyResult, Vm};

/// The state of an exception instance.
pub struct ExcData {
    pub args: Mutex<Value>,
    /// `(code object, instruction index)` per frame passed, innermost last.
    pub traceback: Mutex<Vec<(Value, u32)>>,
    pub context: Mutex<Value>,
    pub cause: Mutex<Value>,
    pub suppress_context: std::sync::atomic::AtomicBool,
    /// The instance `__dict__`.
    pub dict: Value,
}

impl Trace for ExcData {
    fn trace(&self, t: &mut Tracer) {
        t.visit(*self.args.lock());
        for &(code, _) in self.traceback.lock().iter() {
            t.visit(code);
        }
        t.visit(*self.context.lock());
        t.visit(*self.cause.lock());
        t.visit(self.dict);
    }
}

/// A new instance of exception class `cls` with `args`.
pub fn new_exception(vm: &mut Vm, cls: Handle, args: Vec<Value>) -> PyResult<Value> {
    let args = vm.new_tuple(args)?;
    vm.temps.push(args);
    let dict = vm.new_dict();
    vm.temps.pop();
    let dict = dict?;
    vm.temps.push(args);
    vm.temps.push(dict);
    let data = ExcData {
        dict,
        args: Mutex::new(args),
        traceback: Mutex::new(Vec::new()),
        context: Mutex::new(Value::NONE),
        cause: Mutex::new(Value::NONE),
        suppress_context: std::sync::atomic::AtomicBool::new(false),
    };
    let r = vm.alloc_typed(cls, protopy_objects::OpaqueData::new(data));
    vm.temps.truncate(vm.temps.len() - 2);
    r
}

/// Adds the running frame to `exc`'s traceback.
pub fn traceback_here(vm: &mut Vm, exc: Value) {
    let Some(f) = vm.frames.last() else { return };
    let entry = (f.code_obj, f.lasti as u32);
    if let Some(d) = vm.opaque::<ExcData>(exc) {
        d.traceback.lock().push(entry);
    }
}

/// Sets `exc.__context__` to the exception being handled, if any (and not `exc` itself).
pub fn set_context_from_handled(vm: &mut Vm, exc: Value) {
    let handled = vm.handled;
    if handled.is_none() || handled == exc {
        return;
    }
    if let Some(d) = vm.opaque::<ExcData>(exc) {
        let mut c = d.context.lock();
        if c.is_none() {
            *c = handled;
        }
    }
}

/// Records `obj` and `name` on an `AttributeError` (for its suggestions; kept for later).
pub fn set_attr_error_info(vm: &mut Vm, exc: Value, obj: Value, name: Value) {
    let _ = (vm, exc, obj, name);
}

/// The exception's args tuple.
pub fn args_of(vm: &Vm, exc: Value) -> Value {
    vm.opaque::<ExcData>(exc)
        .map(|d| *d.args.lock())
        .unwrap_or(Value::NONE)
}

/// `str(exc)`: empty for no args, `str(args[0])` for one, the tuple's repr otherwise.
pub fn exc_str(vm: &mut Vm, exc: Value) -> PyResult<String> {
    if let Some(s) = super::str_codec::unicode_error_str(vm, exc) {
        return Ok(s);
    }
    let args = args_of(vm, exc);
    let items = vm.tuple_items(args).map(|s| s.to_vec()).unwrap_or_default();
    if vm.is_instance_ty(exc, crate::runtime::Ty::KeyError) && items.len() == 1 {
        return crate::protocols::repr::repr(vm, items[0]);
    }
    match items.as_slice() {
        [] => Ok(String::new()),
        [one] => crate::protocols::repr::str(vm, *one),
        _ => crate::protocols::repr::repr(vm, args),
    }
}

fn get_args(vm: &mut Vm, exc: Value) -> PyResult<Value> {
    Ok(args_of(vm, exc))
}

fn exc_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = args
        .pos
        .first()
        .and_then(|v| v.as_handle())
        .unwrap_or(vm.ty(crate::runtime::Ty::BaseException));
    new_exception(
        vm,
        cls,
        args.pos.get(1..).map(|s| s.to_vec()).unwrap_or_default(),
    )
}

fn exc_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(&this) = args.pos.first() else {
        return Ok(Value::NONE);
    };
    let t = vm.new_tuple(args.pos[1..].to_vec())?;
    if let Some(d) = vm.opaque::<ExcData>(this) {
        *d.args.lock() = t;
    }
    Ok(Value::NONE)
}

/// `BaseException.__repr__`: `Name(args...)`.
pub fn exc_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let exc = args.pos[0];
    let name = vm.type_name(exc);
    let a = args_of(vm, exc);
    let items = vm.tuple_items(a).map(|s| s.to_vec()).unwrap_or_default();
    let inner = match items.as_slice() {
        [one] => crate::protocols::repr::repr(vm, *one)?,
        _ => {
            let r = crate::protocols::repr::repr(vm, a)?;
            r.trim_start_matches('(')
                .trim_end_matches(')')
                .trim_end_matches(',')
                .to_string()
        }
    };
    vm.new_str(&format!("{name}({inner})"))
}

/// `BaseException.__str__`.
fn exc_str_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = exc_str(vm, args.pos[0])?;
    vm.new_str(&s)
}

pub const METHODS: &[NativeMethod] = &[
    super::m("__repr__", exc_repr, "($self, /)"),
    super::m("__str__", exc_str_method, "($self, /)"),
    NativeMethod {
        name: "__new__",
        func: exc_new,
        sig: "",
        binding: super::Binding::Static,
    },
    super::m("__init__", exc_init, ""),
];

pub const GETSETS: &[(&str, Getter, Option<Setter>)] = &[("args", get_args, None)];

fn first_arg(vm: &mut Vm, exc: Value) -> PyResult<Value> {
    let args = args_of(vm, exc);
    Ok(vm
        .tuple_items(args)
        .and_then(|s| s.first().copied())
        .unwrap_or(Value::NONE))
}

/// `StopIteration.value`.
pub const STOP_GETSETS: &[(&str, Getter, Option<Setter>)] = &[("value", first_arg, None)];

/// `SystemExit.code`.
pub const EXIT_GETSETS: &[(&str, Getter, Option<Setter>)] = &[("code", first_arg, None)];
