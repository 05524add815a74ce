//! Exception objects (CPython's Objects/exceptions.c): `BaseException` and its subclasses hold
//! their `args`, traceback, `__context__`, `__cause__` and the fields of their subclass
//! (see `exc_kinds.rs`).

use protopy_objects::ObjectMutex as Mutex;
use protopy_objects::{Handle, Trace, Tracer, Value};

use super::{Args, Getter, NativeMethod, Setter};
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// The state of an exception instance.
pub struct ExcData {
    pub args: Mutex<Value>,
    /// The `traceback` object (`__traceback__`), or None.
    pub traceback: Mutex<Value>,
    pub context: Mutex<Value>,
    pub cause: Mutex<Value>,
    pub suppress_context: std::sync::atomic::AtomicBool,
    /// The instance `__dict__`.
    pub dict: Value,
    /// The fields of the builtin subclass (`NameError.name`, `OSError.errno`, ...), as laid out
    /// by `exc_kinds::slot_count`.
    pub slots: Mutex<Vec<Value>>,
    /// Set while the exception propagates out of a frame into its caller, so that the caller's
    /// unwind does not take it for a new raise (which sets `__context__`).
    pub propagating: std::sync::atomic::AtomicBool,
}

impl Trace for ExcData {
    fn trace(&self, t: &mut Tracer) {
        t.visit(*self.args.lock());
        t.visit(*self.traceback.lock());
        t.visit(*self.context.lock());
        t.visit(*self.cause.lock());
        t.visit(self.dict);
        t.visit_all(&self.slots.lock());
    }
}

/// A new instance of exception class `cls` with `args`, its fields set as its `__init__` would
/// (for exceptions the interpreter raises).
pub fn new_exception(vm: &mut Vm, cls: Handle, args: Vec<Value>) -> PyResult<Value> {
    let t = vm.new_tuple(args.clone())?;
    let exc = new_exception_tuple(vm, cls, t)?;
    let layout = crate::types::typeobj::layout(vm, cls);
    vm.temps.push(exc);
    let r = super::exc_kinds::init_native(vm, layout, exc, &args);
    vm.temps.pop();
    r.map(|()| exc)
}

/// A new instance of exception class `cls` whose `args` is the tuple `args`, its fields unset
/// (`BaseException.__new__`).
pub fn new_exception_tuple(vm: &mut Vm, cls: Handle, args: Value) -> PyResult<Value> {
    vm.temps.push(args);
    let dict = vm.new_dict();
    vm.temps.pop();
    let dict = dict?;
    vm.temps.push(args);
    vm.temps.push(dict);
    let layout = crate::types::typeobj::layout(vm, cls);
    let data = ExcData {
        dict,
        args: Mutex::new(args),
        traceback: Mutex::new(Value::NONE),
        context: Mutex::new(Value::NONE),
        cause: Mutex::new(Value::NONE),
        suppress_context: std::sync::atomic::AtomicBool::new(false),
        slots: Mutex::new(super::exc_kinds::initial_slots(layout)),
        propagating: std::sync::atomic::AtomicBool::new(false),
    };
    let r = vm.alloc_typed(cls, protopy_objects::OpaqueData::new(data));
    vm.temps.truncate(vm.temps.len() - 2);
    r
}

/// Adds the running frame in front of `exc`'s traceback (`PyTraceBack_Here`).
pub fn traceback_here(vm: &mut Vm, exc: Value) {
    let Some(f) = vm.frames.last() else { return };
    let (code, lasti) = (f.code_obj, f.lasti);
    traceback_entry(vm, exc, code, lasti);
}

/// Adds the entry `(code, lasti)` in front of `exc`'s traceback.
pub fn traceback_entry(vm: &mut Vm, exc: Value, code: Value, lasti: u32) {
    let Some(next) = vm.opaque::<ExcData>(exc).map(|d| *d.traceback.lock()) else {
        return;
    };
    // The innermost frame of a name or attribute error keeps its locals for the suggestions.
    let with_locals = next.is_none()
        && (vm.is_instance_ty(exc, Ty::NameError) || vm.is_instance_ty(exc, Ty::AttributeError));
    if let Ok(tb) = super::tbobject::new_traceback(vm, next, code, lasti, with_locals) {
        if let Some(d) = vm.opaque::<ExcData>(exc) {
            *d.traceback.lock() = tb;
        }
    }
}

/// Sets `exc.__context__` to the exception being handled, if any and not `exc` itself, first
/// cutting any cycle through `exc` in the handled exception's context chain (CPython's
/// `_PyErr_SetObject`).
pub fn set_context_from_handled(vm: &mut Vm, exc: Value) {
    let handled = vm.handled;
    if handled.is_none() || handled.is_null() || handled == exc {
        return;
    }
    // Walk the handled exception's contexts; Floyd's tortoise guards against a cycle that
    // does not involve `exc`.
    let mut o = handled;
    let mut slow = handled;
    let mut advance_slow = false;
    while let Some(ctx) = context_of(vm, o) {
        if ctx == exc {
            if let Some(d) = vm.opaque::<ExcData>(o) {
                *d.context.lock() = Value::NONE;
            }
            break;
        }
        o = ctx;
        if o == slow {
            break;
        }
        if advance_slow {
            slow = context_of(vm, slow).unwrap_or(slow);
        }
        advance_slow = !advance_slow;
    }
    if let Some(d) = vm.opaque::<ExcData>(exc) {
        *d.context.lock() = handled;
    }
}

fn context_of(vm: &Vm, exc: Value) -> Option<Value> {
    let c = vm.opaque::<ExcData>(exc).map(|d| *d.context.lock())?;
    (!c.is_none()).then_some(c)
}

/// Marks `exc` as propagating into the calling frame (or, `false`, as raised anew or caught);
/// returns the previous mark.
pub fn set_propagating(vm: &Vm, exc: Value, on: bool) -> bool {
    vm.opaque::<ExcData>(exc)
        .is_some_and(|d| d.propagating.swap(on, std::sync::atomic::Ordering::Relaxed))
}

/// Sets `exc.__cause__` (None or an exception) and `__suppress_context__`.
pub fn set_cause(vm: &Vm, exc: Value, cause: Value) {
    if let Some(d) = vm.opaque::<ExcData>(exc) {
        *d.cause.lock() = cause;
        d.suppress_context
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

/// Records `obj` and `name` on an `AttributeError` (`AttributeError.obj`/`.name`).
pub fn set_attr_error_info(vm: &mut Vm, exc: Value, obj: Value, name: Value) {
    super::exc_kinds::set_attribute_error_fields(vm, exc, obj, name);
}

/// The exception's args tuple.
pub fn args_of(vm: &Vm, exc: Value) -> Value {
    vm.opaque::<ExcData>(exc)
        .map(|d| *d.args.lock())
        .unwrap_or(Value::NONE)
}

/// `str(exc)` for an exception whose type defines no `__str__` in Python: the `__str__` of the
/// nearest builtin class that has its own (`KeyError`, `OSError`, ...), else
/// `BaseException.__str__`.
pub fn exc_str(vm: &mut Vm, exc: Value) -> PyResult<String> {
    let mut ty = vm.layout_of(exc);
    loop {
        if let Some(s) = super::exc_kinds::str_for(vm, ty, exc)? {
            return Ok(s);
        }
        if ty == Ty::BaseException || ty == Ty::Object {
            break;
        }
        ty = ty.base();
    }
    base_str(vm, exc)
}

/// `BaseException.__str__`: empty for no args, `str(args[0])` for one, the tuple's repr
/// otherwise.
pub fn base_str(vm: &mut Vm, exc: Value) -> PyResult<String> {
    let args = args_of(vm, exc);
    let items = vm.tuple_items(args).map(|s| s.to_vec()).unwrap_or_default();
    match items.as_slice() {
        [] => Ok(String::new()),
        [one] => crate::protocols::repr::str(vm, *one),
        _ => crate::protocols::repr::repr(vm, args),
    }
}

/// Runs `f` on the exception data of `exc`, or raises the descriptor's TypeError.
fn with_data<R>(vm: &mut Vm, exc: Value, f: impl FnOnce(&ExcData) -> R) -> PyResult<R> {
    match vm.opaque::<ExcData>(exc) {
        Some(d) => Ok(f(d)),
        None => {
            let t = vm.type_name(exc);
            Err(vm.type_error(&format!(
                "descriptor requires a 'BaseException' object but received a '{t}'"
            )))
        }
    }
}

fn get_args(vm: &mut Vm, exc: Value) -> PyResult<Value> {
    with_data(vm, exc, |d| *d.args.lock())
}

fn set_args(vm: &mut Vm, exc: Value, value: Value) -> PyResult<()> {
    with_data(vm, exc, |_| ())?;
    if value.is_null() {
        return Err(vm.type_error("args may not be deleted"));
    }
    let t = if vm.is_exact(value, Ty::Tuple) {
        value
    } else {
        let items = crate::protocols::iter::collect(vm, value)?;
        vm.new_tuple(items)?
    };
    if let Some(d) = vm.opaque::<ExcData>(exc) {
        *d.args.lock() = t;
    }
    Ok(())
}

fn get_traceback(vm: &mut Vm, exc: Value) -> PyResult<Value> {
    with_data(vm, exc, |d| *d.traceback.lock())
}

/// Checks and stores a new `__traceback__`.
fn store_traceback(vm: &mut Vm, exc: Value, tb: Value) -> PyResult<()> {
    if tb.is_null() {
        return Err(vm.type_error("__traceback__ may not be deleted"));
    }
    if !tb.is_none() && !vm.is_exact(tb, Ty::Traceback) {
        return Err(vm.type_error("__traceback__ must be a traceback or None"));
    }
    with_data(vm, exc, |d| *d.traceback.lock() = tb)
}

fn set_traceback(vm: &mut Vm, exc: Value, tb: Value) -> PyResult<()> {
    store_traceback(vm, exc, tb)
}

/// Checks a value for `__context__`/`__cause__`.
fn check_link(vm: &mut Vm, value: Value, what: &str) -> PyResult<()> {
    if value.is_null() {
        return Err(vm.type_error(&format!("__{what}__ may not be deleted")));
    }
    if !value.is_none() && !vm.is_instance_ty(value, Ty::BaseException) {
        return Err(vm.type_error(&format!(
            "exception {what} must be None or derive from BaseException"
        )));
    }
    Ok(())
}

fn get_context(vm: &mut Vm, exc: Value) -> PyResult<Value> {
    with_data(vm, exc, |d| *d.context.lock())
}

fn set_context(vm: &mut Vm, exc: Value, value: Value) -> PyResult<()> {
    check_link(vm, value, "context")?;
    with_data(vm, exc, |d| *d.context.lock() = value)
}

fn get_cause(vm: &mut Vm, exc: Value) -> PyResult<Value> {
    with_data(vm, exc, |d| *d.cause.lock())
}

fn set_cause_attr(vm: &mut Vm, exc: Value, value: Value) -> PyResult<()> {
    check_link(vm, value, "cause")?;
    with_data(vm, exc, |_| ())?;
    set_cause(vm, exc, value);
    Ok(())
}

fn get_suppress(vm: &mut Vm, exc: Value) -> PyResult<Value> {
    with_data(vm, exc, |d| {
        Value::from_bool(
            d.suppress_context
                .load(std::sync::atomic::Ordering::Relaxed),
        )
    })
}

fn set_suppress(vm: &mut Vm, exc: Value, value: Value) -> PyResult<()> {
    if value.is_null() {
        return Err(vm.type_error("can't delete numeric/char attribute"));
    }
    let Some(b) = value.as_bool() else {
        return Err(vm.type_error("attribute value type must be bool"));
    };
    with_data(vm, exc, |d| {
        d.suppress_context
            .store(b, std::sync::atomic::Ordering::Relaxed)
    })
}

fn exc_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let base = vm.ty(Ty::BaseException);
    let cls = match args.pos.first().and_then(|v| v.as_handle()) {
        Some(h) if crate::types::typeobj::is_type(vm, Value::from_handle(h)) => h,
        _ => return Err(vm.type_error("BaseException.__new__(X): X is not a type object")),
    };
    if !crate::types::typeobj::is_subtype(vm, cls, base) {
        let n = crate::types::typeobj::type_name(vm, cls);
        return Err(vm.type_error(&format!(
            "BaseException.__new__({n}): {n} is not a subtype of BaseException"
        )));
    }
    let t = vm.new_tuple(args.pos[1..].to_vec())?;
    new_exception_tuple(vm, cls, t)
}

/// `BaseException.__init__(self, *args)`: stores `args`; takes no keywords.
fn exc_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(&this) = args.pos.first() else {
        return Ok(Value::NONE);
    };
    if !args.kw.is_empty() {
        let n = vm.type_name(this);
        return Err(vm.type_error(&format!("{n}() takes no keyword arguments")));
    }
    set_args_from(vm, this, &args.pos[1..])
}

/// Stores `items` as `exc.args`.
pub fn set_args_from(vm: &mut Vm, exc: Value, items: &[Value]) -> PyResult<Value> {
    with_data(vm, exc, |_| ())?;
    let t = vm.new_tuple(items.to_vec())?;
    if let Some(d) = vm.opaque::<ExcData>(exc) {
        *d.args.lock() = t;
    }
    Ok(Value::NONE)
}

/// `BaseException.__repr__`: `Name(arg)` for one argument, `Name` followed by the args
/// tuple's repr otherwise.
pub fn exc_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let exc = args.pos[0];
    let name = vm.type_name(exc);
    let a = args_of(vm, exc);
    let items = vm.tuple_items(a).map(|s| s.to_vec()).unwrap_or_default();
    let text = match items.as_slice() {
        [one] => format!("{name}({})", crate::protocols::repr::repr(vm, *one)?),
        _ if items.is_empty() => format!("{name}()"),
        _ => format!("{name}{}", crate::protocols::repr::repr(vm, a)?),
    };
    vm.new_str(&text)
}

/// `BaseException.__str__`.
fn exc_str_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = base_str(vm, args.pos[0])?;
    vm.new_str(&s)
}

/// `BaseException.with_traceback(tb)`: sets `__traceback__` and returns the exception.
fn with_traceback(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "BaseException.with_traceback", 1, 1)?;
    store_traceback(vm, args.pos[0], args.pos[1])?;
    Ok(args.pos[0])
}

/// `BaseException.add_note(note)`: appends to the `__notes__` list, creating it.
fn add_note(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "BaseException.add_note", 1, 1)?;
    let (exc, note) = (args.pos[0], args.pos[1]);
    if vm.str_data(note).is_none() {
        let t = vm.type_name(note);
        return Err(vm.type_error(&format!("add_note() argument must be str, not {t}")));
    }
    let name = vm.intern("__notes__")?;
    let notes = match crate::protocols::attr::getattr_opt(vm, exc, name)? {
        Some(n) => n,
        None => {
            let l = vm.new_list(Vec::new())?;
            vm.temps.push(l);
            let r = crate::protocols::attr::setattr(vm, exc, name, l);
            vm.temps.pop();
            r?;
            l
        }
    };
    let Some(list) = vm.list_data(notes) else {
        return Err(vm.type_error("Cannot add note: __notes__ is not a list"));
    };
    list.push(note);
    Ok(Value::NONE)
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
    super::m("__init__", exc_init, "($self, /, *args, **kwargs)"),
    super::m("with_traceback", with_traceback, "($self, tb, /)"),
    super::m("add_note", add_note, "($self, note, /)"),
];

pub const GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    (
        "__dict__",
        super::object::get_dict,
        Some(super::object::set_dict),
    ),
    ("args", get_args, Some(set_args)),
    ("__traceback__", get_traceback, Some(set_traceback)),
    ("__context__", get_context, Some(set_context)),
    ("__cause__", get_cause, Some(set_cause_attr)),
    (
        "__suppress_context__",
        get_suppress,
        Some(set_suppress as Setter),
    ),
];

/// The aliases of `OSError` in `builtins`: `EnvironmentError` and `IOError`.
pub fn install_aliases(vm: &mut Vm) -> PyResult<()> {
    let b = vm.rt.builtins;
    let os_error = vm.ty_val(Ty::OSError);
    for name in ["EnvironmentError", "IOError"] {
        let k = vm.intern(name)?;
        super::dict::set_item(vm, b, k, os_error)?;
    }
    Ok(())
}
