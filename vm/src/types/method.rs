//! Bound methods (CPython's Objects/classobject.c): `__func__` and `__self__`, attributes
//! forwarded to the function, equality by receiver identity and function, hashing, the repr,
//! and `types.MethodType(func, obj)`.
//! https://docs.python.org/3/reference/datamodel.html#instance-methods

use protopy_objects::Value;

use super::function::BoundMethod;
use super::{m, Args, Binding, Getter, NativeMethod, Setter};
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyErr, PyResult, Vm};

/// The `(function, receiver)` of a bound method, or the TypeError of a descriptor used on
/// something else.
fn parts(vm: &mut Vm, v: Value) -> PyResult<(Value, Value)> {
    match vm.opaque::<BoundMethod>(v) {
        Some(b) => Ok((b.func, b.obj)),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!(
                "descriptor requires a 'method' object but received a '{t}'"
            )))
        }
    }
}

fn m_func(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(parts(vm, v)?.0)
}

fn m_self(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(parts(vm, v)?.1)
}

fn m_doc(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let f = m_func(vm, v)?;
    protocols::attr::getattr_str(vm, f, "__doc__")
}

pub const GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    ("__func__", m_func, None),
    ("__self__", m_self, None),
    ("__doc__", m_doc, None),
];

/// `method.__getattribute__`: the method type's own attributes, then the function's.
pub fn method_getattr(vm: &mut Vm, m: Value, name: Value) -> PyResult<Value> {
    match protocols::attr::generic_getattr(vm, m, name) {
        Ok(Some(v)) => return Ok(v),
        Ok(None) => {}
        // `object.__dict__` does not apply: a method has none of its own.
        Err(e) if vm.err_is(&e, Ty::AttributeError) => {}
        Err(e) => return Err(e),
    }
    let Some(f) = vm.opaque::<BoundMethod>(m).map(|b| b.func) else {
        return Err(no_attr(vm, name));
    };
    protocols::attr::getattr(vm, f, name)
}

#[cold]
fn no_attr(vm: &mut Vm, name: Value) -> PyErr {
    let n = vm.rust_str(name).unwrap_or_default();
    vm.attribute_error(&format!("'method' object has no attribute '{n}'"))
}

/// `a == b` for two bound methods: the same receiver (identity) and equal functions.
pub fn method_eq(vm: &mut Vm, a: Value, b: Value) -> PyResult<Option<bool>> {
    let (Some(x), Some(y)) = (vm.opaque::<BoundMethod>(a), vm.opaque::<BoundMethod>(b)) else {
        return Ok(None);
    };
    let (fa, sa, fb, sb) = (x.func, x.obj, y.func, y.obj);
    if sa != sb {
        return Ok(Some(false));
    }
    protocols::compare::eq(vm, fa, fb).map(Some)
}

fn method_eq_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__eq__", 1, 1)?;
    Ok(match method_eq(vm, args.pos[0], args.pos[1])? {
        Some(r) => Value::from_bool(r),
        None => Value::NOT_IMPLEMENTED,
    })
}

fn method_ne_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__ne__", 1, 1)?;
    Ok(match method_eq(vm, args.pos[0], args.pos[1])? {
        Some(r) => Value::from_bool(!r),
        None => Value::NOT_IMPLEMENTED,
    })
}

/// `hash(method)`: the receiver's identity mixed with the function's hash.
fn method_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (f, obj) = parts(vm, args.pos[0])?;
    let hf = protocols::hash(vm, f)?;
    let hs = (obj.to_bits() >> 4) as i64;
    let h = hs ^ hf;
    vm.new_i64(if h == -1 { -2 } else { h })
}

/// `method.__repr__`: `<bound method QUALNAME of REPR>`.
pub fn method_repr(vm: &mut Vm, v: Value) -> PyResult<Option<String>> {
    let Some((f, obj)) = vm.opaque::<BoundMethod>(v).map(|b| (b.func, b.obj)) else {
        return Ok(None);
    };
    let mut name = None;
    for attr in ["__qualname__", "__name__"] {
        let n = vm.intern(attr)?;
        if let Some(s) = protocols::attr::getattr_opt(vm, f, n)? {
            name = Some(s);
            break;
        }
    }
    let name = match name {
        Some(s) => match vm.rust_str(s) {
            Some(t) => t,
            None => protocols::repr::str(vm, s)?,
        },
        None => "?".to_string(),
    };
    let r = protocols::repr::repr(vm, obj)?;
    Ok(Some(format!("<bound method {name} of {r}>")))
}

fn method_repr_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = method_repr(vm, args.pos[0])?.unwrap_or_default();
    vm.new_str(&s)
}

/// `method.__get__`: a bound method binds no further.
fn method_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__get__", 1, 2)?;
    Ok(args.pos[0])
}

/// `types.MethodType(function, instance, /)`.
fn method_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error("method() takes no keyword arguments"));
    }
    let n = args.pos.len().saturating_sub(1);
    if n != 2 {
        return Err(vm.type_error(&format!("method expected 2 arguments, got {n}")));
    }
    let (func, obj) = (args.pos[1], args.pos[2]);
    if !protocols::call::is_callable(vm, func) {
        return Err(vm.type_error("first argument must be callable"));
    }
    if obj.is_none() {
        return Err(vm.type_error("instance must not be None"));
    }
    vm.new_opaque(Ty::Method, BoundMethod { func, obj })
}

pub const METHODS: &[NativeMethod] = &[
    NativeMethod {
        name: "__new__",
        func: method_new,
        sig: "",
        binding: Binding::Static,
    },
    m("__eq__", method_eq_method, "($self, value, /)"),
    m("__ne__", method_ne_method, "($self, value, /)"),
    m("__hash__", method_hash, "($self, /)"),
    m("__repr__", method_repr_method, "($self, /)"),
    m("__get__", method_get, "($self, instance, owner=None, /)"),
    m(
        "__call__",
        super::function_attrs::func_call,
        "($self, /, *args, **kwargs)",
    ),
];
