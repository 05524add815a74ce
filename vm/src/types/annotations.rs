//! Lazy class annotations (PEP 649/749; CPython's Objects/typeobject.c `type_get_annotate` and
//! `type_get_annotations`): a class body with annotations stores an `__annotate_func__`, and
//! `cls.__annotations__` calls it once and caches the dict as `__annotations_cache__`.
//! https://docs.python.org/3/reference/datamodel.html#type.__annotations__

use protopy_objects::Value;

use super::{dict, typeobj, Args, Getter, Setter};
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// The class's own dict, or the AttributeError of a builtin type (which has no annotations).
fn heap_dict(vm: &mut Vm, cls: Value, attr: &str) -> PyResult<Value> {
    match cls.as_handle() {
        Some(h) if typeobj::is_heap_type(vm, h) => Ok(typeobj::type_dict(vm, h)),
        h => {
            let t = h.map(|h| typeobj::type_name(vm, h)).unwrap_or_default();
            Err(vm.attribute_error(&format!("type object '{t}' has no attribute '{attr}'")))
        }
    }
}

/// A value found in a class dict, through its `__get__` (a function stays a function).
fn bind_to_class(vm: &mut Vm, v: Value, cls: Value) -> PyResult<Value> {
    protocols::attr::bind(vm, v, Value::NULL, cls)
}

/// `type.__annotate__`: the annotate function of the class, or None.
pub fn type_annotate(vm: &mut Vm, cls: Value) -> PyResult<Value> {
    let d = heap_dict(vm, cls, "__annotate__")?;
    for key in ["__annotate__", "__annotate_func__"] {
        if let Some(f) = dict::get_str(vm, d, key)? {
            return bind_to_class(vm, f, cls);
        }
    }
    dict::set_str(vm, d, "__annotate_func__", Value::NONE)?;
    Ok(Value::NONE)
}

/// `type.__annotations__`: an explicit `__annotations__`, the cached dict, or the result of
/// `__annotate__(1)` (VALUE format), cached.
pub fn type_annotations(vm: &mut Vm, cls: Value) -> PyResult<Value> {
    let d = heap_dict(vm, cls, "__annotations__")?;
    for key in ["__annotations__", "__annotations_cache__"] {
        if let Some(a) = dict::get_str(vm, d, key)? {
            return bind_to_class(vm, a, cls);
        }
    }
    let annotate = type_annotate(vm, cls)?;
    let annotations = if protocols::call::is_callable(vm, annotate) {
        let one = Value::from_i64(1).unwrap_or(Value::NONE);
        let a = protocols::call::call(vm, annotate, Args::new(vec![one]))?;
        if !vm.is_instance_ty(a, Ty::Dict) {
            let t = vm.type_name(a);
            return Err(vm.type_error(&format!("__annotate__ returned non-dict of type '{t}'")));
        }
        a
    } else {
        vm.new_dict()?
    };
    vm.temps.push(annotations);
    let r = dict::set_str(vm, d, "__annotations_cache__", annotations);
    vm.temps.pop();
    r?;
    Ok(annotations)
}

/// The entries to add to `type`'s attribute table.
pub const TYPE_GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    ("__annotate__", type_annotate, None),
    ("__annotations__", type_annotations, None),
];
