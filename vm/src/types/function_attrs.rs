//! The attributes and methods of function objects (CPython's Objects/funcobject.c: the
//! `func_getsetlist` and `func_memberlist` entries with their setters' checks, lazy
//! `__annotations__` through `__annotate__` (PEP 649/749), `function.__new__`, `__get__` and
//! `__repr__`).
//! https://docs.python.org/3/reference/datamodel.html#user-defined-functions

use protopy_objects::{CellData, Value};

use super::function::{new_function, BoundMethod, Code, Function};
use super::{m, Args, Binding, Getter, NativeMethod, Setter};
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// The function `v` is, or the TypeError of a descriptor used on something else.
fn func(vm: &mut Vm, v: Value) -> PyResult<&Function> {
    if vm.opaque::<Function>(v).is_none() {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!(
            "descriptor requires a 'function' object but received a '{t}'"
        )));
    }
    // Checked just above; the borrow checker needs the second look-up.
    let type_error = vm.ty_val(Ty::TypeError);
    vm.opaque::<Function>(v)
        .ok_or(crate::thread::PyErr { exc: type_error })
}

/// NULL (unset) reads as None.
fn or_none(v: Value) -> Value {
    if v.is_null() {
        Value::NONE
    } else {
        v
    }
}

fn readonly(vm: &mut Vm, _v: Value, _n: Value) -> PyResult<()> {
    Err(vm.attribute_error("readonly attribute"))
}

fn get_name(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(func(vm, v)?.name.load())
}

/// A str is required, and deleting is refused with the same message.
fn set_str_field(vm: &mut Vm, v: Value, n: Value, what: &str) -> PyResult<()> {
    if n.is_null() || vm.str_data(n).is_none() {
        return Err(vm.type_error(&format!("{what} must be set to a string object")));
    }
    let f = func(vm, v)?;
    if what == "__name__" {
        f.name.store(n);
    } else {
        f.qualname.store(n);
    }
    Ok(())
}

fn set_name(vm: &mut Vm, v: Value, n: Value) -> PyResult<()> {
    set_str_field(vm, v, n, "__name__")
}

fn get_qualname(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(func(vm, v)?.qualname.load())
}

fn set_qualname(vm: &mut Vm, v: Value, n: Value) -> PyResult<()> {
    set_str_field(vm, v, n, "__qualname__")
}

fn get_doc(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(or_none(func(vm, v)?.doc.load()))
}

fn set_doc(vm: &mut Vm, v: Value, n: Value) -> PyResult<()> {
    func(vm, v)?.doc.store(or_none(n));
    Ok(())
}

fn get_module(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(or_none(func(vm, v)?.module.load()))
}

fn set_module(vm: &mut Vm, v: Value, n: Value) -> PyResult<()> {
    func(vm, v)?.module.store(or_none(n));
    Ok(())
}

fn get_defaults(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(or_none(func(vm, v)?.defaults.load()))
}

fn set_defaults(vm: &mut Vm, v: Value, n: Value) -> PyResult<()> {
    let n = if n.is_null() || n.is_none() {
        Value::NULL
    } else if vm.is_instance_ty(n, Ty::Tuple) {
        n
    } else {
        return Err(vm.type_error("__defaults__ must be set to a tuple object"));
    };
    func(vm, v)?.defaults.store(n);
    Ok(())
}

fn get_kwdefaults(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(or_none(func(vm, v)?.kwdefaults.load()))
}

fn set_kwdefaults(vm: &mut Vm, v: Value, n: Value) -> PyResult<()> {
    let n = if n.is_null() || n.is_none() {
        Value::NULL
    } else if vm.is_instance_ty(n, Ty::Dict) {
        n
    } else {
        return Err(vm.type_error("__kwdefaults__ must be set to a dict object"));
    };
    func(vm, v)?.kwdefaults.store(n);
    Ok(())
}

fn get_code(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(func(vm, v)?.code)
}

/// `__code__` may not be replaced in protopy yet: a function's code is fixed at creation.
fn set_code(vm: &mut Vm, _v: Value, n: Value) -> PyResult<()> {
    if n.is_null() || vm.opaque::<Code>(n).is_none() {
        return Err(vm.type_error("__code__ must be set to a code object"));
    }
    Err(crate::ops::not_yet(vm, "replacing a function's __code__"))
}

fn get_globals(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(func(vm, v)?.globals)
}

fn get_builtins(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(func(vm, v)?.builtins)
}

fn get_closure(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(or_none(func(vm, v)?.closure.load()))
}

fn get_dict(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(func(vm, v)?.dict.load())
}

fn set_dict(vm: &mut Vm, v: Value, n: Value) -> PyResult<()> {
    if n.is_null() {
        return Err(vm.type_error("cannot delete __dict__"));
    }
    if !vm.is_instance_ty(n, Ty::Dict) {
        let t = vm.type_name(n);
        return Err(vm.type_error(&format!(
            "__dict__ must be set to a dictionary, not a '{t}'"
        )));
    }
    func(vm, v)?.dict.store(n);
    Ok(())
}

/// `__annotations__`: computed once by calling `__annotate__(1)` (VALUE format), then kept.
fn get_annotations(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let f = func(vm, v)?;
    let (cached, annotate) = (f.annotations.load(), f.annotate.load());
    if !cached.is_null() {
        return Ok(cached);
    }
    let d = if annotate.is_null() || annotate.is_none() {
        vm.new_dict()?
    } else {
        let one = Value::from_i64(1).unwrap_or(Value::NONE);
        let d = protocols::call::call(vm, annotate, Args::new(vec![one]))?;
        if !vm.is_instance_ty(d, Ty::Dict) {
            let t = vm.type_name(d);
            return Err(vm.type_error(&format!("__annotate__ returned non-dict of type '{t}'")));
        }
        d
    };
    func(vm, v)?.annotations.store(d);
    Ok(d)
}

fn set_annotations(vm: &mut Vm, v: Value, n: Value) -> PyResult<()> {
    let n = if n.is_null() || n.is_none() {
        Value::NULL
    } else if vm.is_instance_ty(n, Ty::Dict) {
        n
    } else {
        return Err(vm.type_error("__annotations__ must be set to a dict object"));
    };
    let f = func(vm, v)?;
    f.annotations.store(n);
    f.annotate.store(Value::NONE);
    Ok(())
}

fn get_annotate(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(or_none(func(vm, v)?.annotate.load()))
}

fn set_annotate(vm: &mut Vm, v: Value, n: Value) -> PyResult<()> {
    if n.is_null() {
        return Err(vm.type_error("__annotate__ cannot be deleted"));
    }
    if !n.is_none() && !protocols::call::is_callable(vm, n) {
        return Err(vm.type_error("__annotate__ must be callable or None"));
    }
    let f = func(vm, v)?;
    f.annotate.store(n);
    if !n.is_none() {
        f.annotations.store(Value::NULL);
    }
    Ok(())
}

fn get_type_params(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let t = func(vm, v)?.type_params.load();
    if t.is_null() {
        return vm.new_tuple(vec![]);
    }
    Ok(t)
}

fn set_type_params(vm: &mut Vm, v: Value, n: Value) -> PyResult<()> {
    if n.is_null() || !vm.is_instance_ty(n, Ty::Tuple) {
        return Err(vm.type_error("__type_params__ must be set to a tuple"));
    }
    func(vm, v)?.type_params.store(n);
    Ok(())
}

pub const GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    ("__name__", get_name, Some(set_name)),
    ("__qualname__", get_qualname, Some(set_qualname)),
    ("__doc__", get_doc, Some(set_doc)),
    ("__module__", get_module, Some(set_module)),
    ("__defaults__", get_defaults, Some(set_defaults)),
    ("__kwdefaults__", get_kwdefaults, Some(set_kwdefaults)),
    ("__code__", get_code, Some(set_code)),
    ("__globals__", get_globals, Some(readonly)),
    ("__builtins__", get_builtins, Some(readonly)),
    ("__dict__", get_dict, Some(set_dict)),
    ("__closure__", get_closure, Some(readonly)),
    ("__annotations__", get_annotations, Some(set_annotations)),
    ("__annotate__", get_annotate, Some(set_annotate)),
    ("__type_params__", get_type_params, Some(set_type_params)),
];

/// `function.__get__(instance, owner=None, /)`: a bound method, or the function itself when
/// `instance` is None.
fn func_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error("__get__() takes no keyword arguments"));
    }
    let n = args.pos.len().saturating_sub(1);
    if n == 0 {
        return Err(vm.type_error("__get__ expected at least 1 argument, got 0"));
    }
    if n > 2 {
        return Err(vm.type_error(&format!("__get__ expected at most 2 arguments, got {n}")));
    }
    let (f, obj) = (args.pos[0], args.pos[1]);
    let owner = args.get(2).unwrap_or(Value::NONE);
    if obj.is_none() {
        if owner.is_none() {
            return Err(vm.type_error("__get__(None, None) is invalid"));
        }
        return Ok(f);
    }
    vm.new_opaque(Ty::Method, BoundMethod { func: f, obj })
}

/// `function.__repr__`: `<function QUALNAME at 0x...>`.
pub fn function_repr(vm: &mut Vm, v: Value) -> PyResult<Option<String>> {
    let Some(f) = vm.opaque::<Function>(v) else {
        return Ok(None);
    };
    let q = f.qualname.load();
    let q = vm.rust_str(q).unwrap_or_default();
    Ok(Some(format!(
        "<function {q} at {:#x}>",
        crate::protocols::address(v)
    )))
}

fn func_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = function_repr(vm, args.pos[0])?.unwrap_or_default();
    vm.new_str(&s)
}

/// A keyword or positional argument of `function(...)`.
fn func_arg(vm: &Vm, args: &Args, i: usize, name: &str) -> Option<Value> {
    args.pos.get(i + 1).copied().or_else(|| {
        args.kw
            .iter()
            .find(|(k, _)| {
                vm.str_data(*k)
                    .is_some_and(|d| d.as_bytes() == name.as_bytes())
            })
            .map(|&(_, v)| v)
    })
}

/// `types.FunctionType(code, globals, name=None, argdefs=None, closure=None, kwdefaults=None)`.
fn func_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    const NAMES: [&str; 6] = [
        "code",
        "globals",
        "name",
        "argdefs",
        "closure",
        "kwdefaults",
    ];
    if args.pos.len() > 7 {
        let n = args.pos.len() - 1;
        return Err(vm.type_error(&format!("function() takes at most 6 arguments ({n} given)")));
    }
    for &(k, _) in &args.kw {
        let k = vm.rust_str(k).unwrap_or_default();
        if !NAMES.contains(&k.as_str()) {
            return Err(vm.type_error(&format!(
                "function() got an unexpected keyword argument '{k}'"
            )));
        }
    }
    let mut vals = [Value::NULL; 6];
    for (i, name) in NAMES.iter().enumerate() {
        vals[i] = func_arg(vm, &args, i, name).unwrap_or(Value::NULL);
    }
    let [code, globals, name, defaults, closure, kwdefaults] = vals;
    for (i, v) in [code, globals].into_iter().enumerate() {
        if v.is_null() {
            return Err(vm.type_error(&format!(
                "function() missing required argument '{}' (pos {})",
                NAMES[i],
                i + 1
            )));
        }
    }
    if vm.opaque::<Code>(code).is_none() {
        let t = vm.type_name(code);
        return Err(vm.type_error(&format!("function() argument 'code' must be code, not {t}")));
    }
    if !vm.is_instance_ty(globals, Ty::Dict) {
        let t = vm.type_name(globals);
        return Err(vm.type_error(&format!(
            "function() argument 'globals' must be dict, not {t}"
        )));
    }
    let given = |v: Value| !v.is_null() && !v.is_none();
    if given(name) && vm.str_data(name).is_none() {
        return Err(vm.type_error("arg 3 (name) must be None or string"));
    }
    if given(defaults) && !vm.is_instance_ty(defaults, Ty::Tuple) {
        return Err(vm.type_error("arg 4 (defaults) must be None or tuple"));
    }
    if given(closure) && !vm.is_instance_ty(closure, Ty::Tuple) {
        return Err(vm.type_error("arg 5 (closure) must be None or tuple"));
    }
    if given(kwdefaults) && !vm.is_instance_ty(kwdefaults, Ty::Dict) {
        return Err(vm.type_error("arg 6 (kwdefaults) must be None or dict"));
    }
    let (nfree, co_name) = match vm.opaque::<Code>(code) {
        Some(c) => (c.0.co.freevars.len(), c.0.co.name.clone()),
        None => (0, String::new()),
    };
    let cells = if given(closure) {
        vm.tuple_items(closure)
            .map(|s| s.to_vec())
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    if nfree > 0 && !given(closure) {
        return Err(vm.type_error("arg 5 (closure) must be tuple"));
    }
    if cells.len() != nfree {
        return Err(vm.value_error(&format!(
            "{co_name} requires closure of length {nfree}, not {}",
            cells.len()
        )));
    }
    if let Some(&c) = cells
        .iter()
        .find(|&&c| vm.m.get_value::<CellData>(c).is_err())
    {
        let t = vm.type_name(c);
        return Err(vm.type_error(&format!("arg 5 (closure) expected cell, found {t}")));
    }
    let f = new_function(vm, code, globals)?;
    if let Some(fd) = vm.opaque::<Function>(f) {
        if given(name) {
            fd.name.store(name);
        }
        if given(defaults) {
            fd.defaults.store(defaults);
        }
        if given(kwdefaults) {
            fd.kwdefaults.store(kwdefaults);
        }
        if nfree > 0 {
            fd.closure.store(closure);
        }
    }
    Ok(f)
}

pub const METHODS: &[NativeMethod] = &[
    NativeMethod {
        name: "__new__",
        func: func_new,
        sig: "",
        binding: Binding::Static,
    },
    m("__get__", func_get, "($self, instance, owner=None, /)"),
    m("__repr__", func_repr, "($self, /)"),
    m("__call__", func_call, "($self, /, *args, **kwargs)"),
];

/// `function.__call__` (and `method.__call__`): calls the object with the other arguments.
pub fn func_call(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let f = args.pos.remove(0);
    protocols::call::call(vm, f, args)
}

/// The repr of the objects of this area (functions, bound methods, code, cells, generators).
pub fn repr(vm: &mut Vm, v: Value) -> PyResult<Option<String>> {
    if let Some(s) = function_repr(vm, v)? {
        return Ok(Some(s));
    }
    if let Some(s) = native_repr(vm, v) {
        return Ok(Some(s));
    }
    if let Some(s) = super::method::method_repr(vm, v)? {
        return Ok(Some(s));
    }
    if let Some(s) = super::code::code_repr(vm, v)? {
        return Ok(Some(s));
    }
    if let Some(s) = super::descr::wrapper_repr(vm, v)? {
        return Ok(Some(s));
    }
    if let Some(s) = super::cell::cell_repr(vm, v) {
        return Ok(Some(s));
    }
    Ok(crate::eval::generator::generator_repr(vm, v))
}

/// The repr of a builtin function or method (`meth_repr`, and `method_repr` of
/// Objects/descrobject.c for a method not yet bound).
fn native_repr(vm: &mut Vm, v: Value) -> Option<String> {
    let n = vm.opaque::<super::function::Native>(v)?;
    let (name, bound, owner, binding) = (n.name, n.bound, n.owner, n.binding);
    if !bound.is_null() {
        let t = vm.type_name(bound);
        return Some(format!(
            "<built-in method {name} of {t} object at {:#x}>",
            crate::protocols::address(bound)
        ));
    }
    Some(match (owner, binding) {
        (Some(ty), Binding::Method) => format!("<method '{name}' of '{}' objects>", ty.name()),
        _ => format!("<built-in function {name}>"),
    })
}
