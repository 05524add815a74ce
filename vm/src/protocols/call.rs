//! Calling objects (Objects/call.c `PyObject_Call`, Objects/typeobject.c `type_call`): Python
//! functions run in a new frame, builtins get their [`Args`], bound methods prepend `self`,
//! classes construct, and anything else goes through `__call__`.

use protopy_objects::Value;

use crate::eval::{self, Exit};
use crate::thread::{PyResult, Vm};
use crate::types::function::{bind_frame, BoundMethod, Function, Native};
use crate::types::{typeobj, Args, Binding};

/// Whether a native's signature text takes its parameters by position only (it ends with `/`):
/// CPython's `METH_O`/`METH_VARARGS` functions, which refuse every keyword.
fn positional_only(sig: &str) -> bool {
    sig.strip_suffix(')')
        .is_some_and(|s| s.ends_with(", /") || s.ends_with("(/"))
}

/// A native's qualified name as CPython's errors give it (`meth_get__qualname__`): a module's
/// function by its name; a method by the class it is bound to (the receiver's class, or the
/// class itself for a classmethod) or defined in, a dot, and its name.
fn native_qualname(
    vm: &mut Vm,
    name: &str,
    owner: Option<crate::runtime::Ty>,
    module: Option<&str>,
    bound: Value,
) -> String {
    if module.is_some() {
        return name.to_string();
    }
    if !bound.is_null() {
        let ty = if typeobj::is_type(vm, bound) {
            bound.as_handle()
        } else {
            Some(vm.type_of(bound))
        };
        if let Some(h) = ty {
            return format!("{}.{name}", typeobj::type_qualname(vm, h));
        }
    }
    match owner {
        Some(t) => format!("{}.{name}", t.name()),
        None => name.to_string(),
    }
}

/// `callable(*args, **kwargs)`.
pub fn call(vm: &mut Vm, callable: Value, mut args: Args) -> PyResult<Value> {
    if vm.opaque::<Function>(callable).is_some() {
        return call_function(vm, callable, args);
    }
    if let Some(n) = vm.opaque::<Native>(callable) {
        let (f, bound, binding) = (n.func, n.bound, n.binding);
        if !args.kw.is_empty() && positional_only(n.sig) {
            let (name, owner, module) = (n.name, n.owner, n.module);
            let name = if binding == Binding::Method && crate::types::descr::is_slot_name(name) {
                // A type slot's wrapper (`wrapperdescr_raw_call`).
                format!("wrapper {name}")
            } else {
                native_qualname(vm, name, owner, module, bound)
            };
            return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
        }
        if binding == Binding::Static && n.name == "__new__" {
            if let Some(owner) = n.owner.filter(|&o| crate::types::subclass::carries_base(o)) {
                return crate::types::subclass::call_native_new(vm, owner, f, args);
            }
        }
        if !bound.is_null() {
            args.pos.insert(0, bound);
        } else if binding == Binding::Method && args.pos.is_empty() {
            let name = n.name;
            let owner = n.owner.map(|t| t.name()).unwrap_or("object");
            return Err(vm.type_error(&format!(
                "unbound method {owner}.{name}() needs an argument"
            )));
        }
        return f(vm, args);
    }
    if let Some(m) = vm.opaque::<BoundMethod>(callable) {
        let (func, obj) = (m.func, m.obj);
        args.pos.insert(0, obj);
        return call(vm, func, args);
    }
    if typeobj::is_type(vm, callable) {
        let meta = vm.type_of(callable);
        if let Some(f) = super::attr::python_override(vm, meta, "__call__")? {
            args.pos.insert(0, callable);
            return call(vm, f, args);
        }
        return typeobj::call_type(vm, callable, args);
    }
    if let Some(s) = vm.opaque::<crate::types::descr::StaticMethod>(callable) {
        let f = s.func;
        return call(vm, f, args);
    }
    let ty = vm.type_of(callable);
    let cn = vm.intern("__call__")?;
    if let Some(f) = typeobj::lookup(vm, ty, cn) {
        args.pos.insert(0, callable);
        return call(vm, f, args);
    }
    let t = vm.type_name(callable);
    Err(vm.type_error(&format!("'{t}' object is not callable")))
}

/// Calls a Python function: binds the arguments, then runs the frame (or makes a generator).
pub fn call_function(vm: &mut Vm, func: Value, args: Args) -> PyResult<Value> {
    let frame = bind_frame(vm, func, args)?;
    if let Some(kind) = crate::eval::generator::GenKind::of_flags(frame.code.co.flags) {
        return crate::eval::generator::new_generator(vm, frame, kind);
    }
    vm.frames.push(frame);
    match eval::run_pushed(vm)? {
        Exit::Return(v) | Exit::Yield(v) => Ok(v),
    }
}

/// `obj.name(*args)`.
pub fn call_method(vm: &mut Vm, obj: Value, name: &str, args: Vec<Value>) -> PyResult<Value> {
    let n = vm.intern(name)?;
    let (f, this) = super::attr::load_method(vm, obj, n)?;
    let mut pos = Vec::with_capacity(args.len() + 1);
    if !this.is_null() {
        pos.push(this);
    }
    pos.extend(args);
    call(vm, f, Args::new(pos))
}

/// Calls the special method `name` looked up on `type(obj)` (not the instance), if present.
pub fn call_special(
    vm: &mut Vm,
    obj: Value,
    name: &str,
    args: Vec<Value>,
) -> PyResult<Option<Value>> {
    let n = vm.intern(name)?;
    let ty = vm.type_of(obj);
    let Some(f) = typeobj::lookup(vm, ty, n) else {
        return Ok(None);
    };
    let mut pos = Vec::with_capacity(args.len() + 1);
    pos.push(obj);
    pos.extend(args);
    let f = super::attr::bind(vm, f, Value::NULL, Value::from_handle(ty))?;
    call(vm, f, Args::new(pos)).map(Some)
}

/// Whether `v` is callable.
pub fn is_callable(vm: &mut Vm, v: Value) -> bool {
    if vm.opaque::<Function>(v).is_some()
        || vm.opaque::<Native>(v).is_some()
        || vm.opaque::<BoundMethod>(v).is_some()
        || typeobj::is_type(vm, v)
    {
        return true;
    }
    let ty = vm.type_of(v);
    let Ok(cn) = vm.intern("__call__") else {
        return false;
    };
    typeobj::lookup(vm, ty, cn).is_some()
}
