//! `classmethod` and `staticmethod` objects (CPython's Objects/funcobject.c `cm_*` and `sm_*`):
//! construction, `__func__`/`__wrapped__`, the wrapped function's `__name__`, `__qualname__`,
//! `__doc__` and `__module__`, `__get__`, `__isabstractmethod__` and the repr.
//! https://docs.python.org/3/library/functions.html#classmethod

use protopy_objects::Value;

use super::descr::{ClassMethod, StaticMethod};
use super::{m, Args, Binding, Getter, NativeMethod, Setter};
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// The callable a classmethod or staticmethod wraps.
fn wrapped(vm: &Vm, v: Value) -> Option<Value> {
    vm.opaque::<ClassMethod>(v)
        .map(|c| c.func)
        .or_else(|| vm.opaque::<StaticMethod>(v).map(|s| s.func))
}

fn wrapped_or_error(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match wrapped(vm, v) {
        Some(f) => Ok(f),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!(
                "descriptor requires a 'classmethod' or 'staticmethod' object but received a '{t}'"
            )))
        }
    }
}

/// `classmethod(f)` / `staticmethod(f)`: exactly one positional argument.
fn new_wrapper(vm: &mut Vm, args: &Args, ty: Ty) -> PyResult<Value> {
    let name = ty.name();
    if !args.kw.is_empty() {
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    let n = args.pos.len().saturating_sub(1);
    if n != 1 {
        return Err(vm.type_error(&format!("{name} expected 1 argument, got {n}")));
    }
    if args.pos[0] != vm.ty_val(ty) {
        return Err(crate::ops::not_yet(vm, &format!("subclasses of {name}")));
    }
    let func = args.pos[1];
    if ty == Ty::ClassMethod {
        vm.new_opaque(ty, ClassMethod::new(func))
    } else {
        vm.new_opaque(ty, StaticMethod::new(func))
    }
}

fn classmethod_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    new_wrapper(vm, &args, Ty::ClassMethod)
}

fn staticmethod_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    new_wrapper(vm, &args, Ty::StaticMethod)
}

/// `__init__` does nothing more (the callable is set by `__new__`).
fn wrapper_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::NONE)
}

/// `classmethod.__get__(instance, owner=None)`: the function bound to the class.
fn classmethod_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__get__", 1, 2)?;
    let (cm, obj) = (args.pos[0], args.pos[1]);
    let owner = args.get(2).filter(|o| !o.is_none());
    let owner = match owner {
        Some(o) => o,
        None if obj.is_none() => {
            return Err(vm.type_error("__get__(None, None) is invalid"));
        }
        None => Value::from_handle(vm.type_of(obj)),
    };
    protocols::attr::bind(vm, cm, Value::NULL, owner)
}

/// `staticmethod.__get__(instance, owner=None)`: the function itself.
fn staticmethod_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__get__", 1, 2)?;
    wrapped_or_error(vm, args.pos[0])
}

/// `staticmethod.__call__`: calls the function.
fn staticmethod_call(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let f = wrapped_or_error(vm, args.pos[0])?;
    args.pos.remove(0);
    protocols::call::call(vm, f, args)
}

fn get_func(vm: &mut Vm, v: Value) -> PyResult<Value> {
    wrapped_or_error(vm, v)
}

/// `__isabstractmethod__`: whether the wrapped callable says it is abstract.
fn get_isabstract(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let f = wrapped_or_error(vm, v)?;
    let n = vm.intern("__isabstractmethod__")?;
    match protocols::attr::getattr_opt(vm, f, n)? {
        Some(a) => Ok(Value::from_bool(protocols::truth(vm, a)?)),
        None => Ok(Value::FALSE),
    }
}

macro_rules! forwarded {
    ($($get:ident => $attr:literal;)*) => {$(
        /// Copied from the wrapped callable, as `functools.wraps` does.
        fn $get(vm: &mut Vm, v: Value) -> PyResult<Value> {
            let f = wrapped_or_error(vm, v)?;
            let n = vm.intern($attr)?;
            Ok(protocols::attr::getattr_opt(vm, f, n)?.unwrap_or(Value::NONE))
        }
    )*};
}

forwarded! {
    get_name => "__name__";
    get_qualname => "__qualname__";
    get_doc => "__doc__";
    get_module => "__module__";
}

/// `<classmethod(<function f at 0x...>)>`.
pub fn wrapper_repr(vm: &mut Vm, v: Value) -> PyResult<Option<String>> {
    let Some(f) = wrapped(vm, v) else {
        return Ok(None);
    };
    let name = if vm.opaque::<ClassMethod>(v).is_some() {
        "classmethod"
    } else {
        "staticmethod"
    };
    let r = protocols::repr::repr(vm, f)?;
    Ok(Some(format!("<{name}({r})>")))
}

fn repr_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = wrapper_repr(vm, args.pos[0])?.unwrap_or_default();
    vm.new_str(&s)
}

pub const CLASSMETHOD_METHODS: &[NativeMethod] = &[
    NativeMethod {
        name: "__new__",
        func: classmethod_new,
        sig: "",
        binding: Binding::Static,
    },
    m("__init__", wrapper_init, ""),
    m(
        "__get__",
        classmethod_get,
        "($self, instance, owner=None, /)",
    ),
    m("__repr__", repr_method, "($self, /)"),
];

pub const STATICMETHOD_METHODS: &[NativeMethod] = &[
    NativeMethod {
        name: "__new__",
        func: staticmethod_new,
        sig: "",
        binding: Binding::Static,
    },
    m("__init__", wrapper_init, ""),
    m(
        "__get__",
        staticmethod_get,
        "($self, instance, owner=None, /)",
    ),
    m("__call__", staticmethod_call, "($self, /, *args, **kwargs)"),
    m("__repr__", repr_method, "($self, /)"),
];

pub const GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    ("__func__", get_func, None),
    ("__wrapped__", get_func, None),
    ("__isabstractmethod__", get_isabstract, None),
    ("__name__", get_name, None),
    ("__qualname__", get_qualname, None),
    ("__doc__", get_doc, None),
    ("__module__", get_module, None),
];
