//! `typing.TypeAliasType`, what a `type X = ...` statement makes (PEP 695; CPython's
//! Objects/typevarobject.c): its value is computed on first access to `__value__`, by the
//! function the compiler made for it, and kept.
//! https://docs.python.org/3/library/typing.html#typing.TypeAliasType

use protopy_objects::{AtomicValue, Trace, Tracer, Value};

use super::{m, Args, Getter, NativeMethod, Setter};
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyErr, PyResult, Vm};

pub struct TypeAlias {
    pub name: Value,
    /// The tuple of type parameters (empty when not generic).
    pub type_params: Value,
    /// The function computing the value (NULL when the value was given eagerly).
    pub compute_value: Value,
    /// The value once computed (NULL before).
    pub value: AtomicValue,
    /// `__module__`: the `__name__` of the globals where the alias was made.
    pub module: Value,
}

impl Trace for TypeAlias {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.name);
        t.visit(self.type_params);
        t.visit(self.compute_value);
        self.value.trace(t);
        t.visit(self.module);
    }
}

#[derive(Clone, Copy)]
struct Snapshot {
    name: Value,
    type_params: Value,
    compute_value: Value,
    value: Value,
    module: Value,
}

fn snapshot(vm: &mut Vm, v: Value) -> PyResult<Snapshot> {
    match vm.opaque::<TypeAlias>(v) {
        Some(a) => Ok(Snapshot {
            name: a.name,
            type_params: a.type_params,
            compute_value: a.compute_value,
            value: a.value.load(),
            module: a.module,
        }),
        None => Err(not_an_alias(vm, v)),
    }
}

fn not_an_alias(vm: &mut Vm, v: Value) -> PyErr {
    let t = vm.type_name(v);
    vm.type_error(&format!(
        "descriptor requires a 'typing.TypeAliasType' object but received a '{t}'"
    ))
}

/// A new alias; `type_params` None means none; `module` is the creator's `__name__`.
pub fn new_alias(
    vm: &mut Vm,
    name: Value,
    type_params: Value,
    compute_value: Value,
    value: Value,
    module: Value,
) -> PyResult<Value> {
    let type_params = if type_params.is_none() {
        vm.new_tuple(vec![])?
    } else {
        type_params
    };
    vm.temps.push(type_params);
    let r = vm.new_opaque(
        Ty::TypeAliasType,
        TypeAlias {
            name,
            type_params,
            compute_value,
            value: AtomicValue::new(value),
            module,
        },
    );
    vm.temps.pop();
    r
}

/// The `__name__` of the globals of the running frame (None outside any frame).
fn caller_module(vm: &mut Vm) -> PyResult<Value> {
    let Some(globals) = vm.frames.last().map(|f| f.globals) else {
        return Ok(Value::NONE);
    };
    Ok(super::dict::get_str(vm, globals, "__name__")?.unwrap_or(Value::NONE))
}

/// `INTRINSIC_TYPEALIAS`: `(name, type_params, compute_value)` from a `type` statement.
pub fn from_intrinsic(vm: &mut Vm, parts: Value) -> PyResult<Value> {
    let items = vm
        .tuple_items(parts)
        .map(|s| s.to_vec())
        .unwrap_or_default();
    let [name, type_params, compute_value] = items[..] else {
        return Err(vm.new_error(Ty::SystemError, "bad type alias arguments"));
    };
    let module = caller_module(vm)?;
    new_alias(vm, name, type_params, compute_value, Value::NULL, module)
}

fn get_name(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(snapshot(vm, v)?.name)
}

/// `__value__`: computed on first access and kept (an error is raised again next time).
fn get_value(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let a = snapshot(vm, v)?;
    if !a.value.is_null() {
        return Ok(a.value);
    }
    vm.temps.push(v);
    let r = protocols::call::call(vm, a.compute_value, Args::new(vec![]));
    vm.temps.pop();
    let r = r?;
    if let Some(alias) = vm.opaque::<TypeAlias>(v) {
        alias.value.store(r);
    }
    Ok(r)
}

fn get_type_params(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(snapshot(vm, v)?.type_params)
}

fn get_module(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(snapshot(vm, v)?.module)
}

/// `evaluate_value`: the function computing the value (None when it was given eagerly).
fn get_evaluate_value(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let f = snapshot(vm, v)?.compute_value;
    Ok(if f.is_null() { Value::NONE } else { f })
}

fn alias_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(snapshot(vm, args.pos[0])?.name)
}

/// `Alias[args]`: a `types.GenericAlias` of a generic alias.
fn alias_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__getitem__", 1, 1)?;
    let a = snapshot(vm, args.pos[0])?;
    let generic = vm.tuple_items(a.type_params).is_some_and(|t| !t.is_empty());
    if !generic {
        return Err(vm.type_error("Only generic type aliases are subscriptable"));
    }
    super::generic_alias::new_alias(vm, args.pos[0], args.pos[1])
}

fn alias_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__reduce__", 0, 0)?;
    Ok(snapshot(vm, args.pos[0])?.name)
}

/// `TypeAliasType(name, value, *, type_params=())`: an alias whose value is given eagerly.
fn alias_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let type_params = args.take_kw(vm, "type_params");
    let name = match args.take_kw(vm, "name") {
        Some(n) => Some(n),
        None => args.get(1),
    };
    let value = match args.take_kw(vm, "value") {
        Some(v) => Some(v),
        None => args.get(2),
    };
    if let Some(&(k, _)) = args.kw.first() {
        let k = vm.rust_str(k).unwrap_or_default();
        return Err(vm.type_error(&format!(
            "typealias() got an unexpected keyword argument '{k}'"
        )));
    }
    let (Some(name), Some(value)) = (name, value) else {
        return Err(vm.type_error("typealias() missing required argument 'value' (pos 2)"));
    };
    if vm.str_data(name).is_none() {
        let t = vm.type_name(name);
        return Err(vm.type_error(&format!("typealias() argument 'name' must be str, not {t}")));
    }
    let type_params = match type_params {
        Some(t) if !vm.is_instance_ty(t, Ty::Tuple) => {
            return Err(vm.type_error("type_params must be a tuple"));
        }
        Some(t) => t,
        None => Value::NONE,
    };
    let module = caller_module(vm)?;
    new_alias(vm, name, type_params, Value::NULL, value, module)
}

pub const METHODS: &[NativeMethod] = &[
    NativeMethod {
        name: "__new__",
        func: alias_new,
        sig: "",
        binding: super::Binding::Static,
    },
    m("__repr__", alias_repr, "($self, /)"),
    m("__getitem__", alias_getitem, "($self, key, /)"),
    m("__reduce__", alias_reduce, "($self, /)"),
    m("__or__", super::union::union_or, "($self, value, /)"),
    m("__ror__", super::union::union_ror, "($self, value, /)"),
];

pub const GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    ("__name__", get_name, None),
    ("__value__", get_value, None),
    ("__type_params__", get_type_params, None),
    ("__parameters__", get_type_params, None),
    ("__module__", get_module, None),
    ("evaluate_value", get_evaluate_value, None),
];
