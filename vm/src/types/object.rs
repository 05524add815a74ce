//! `object` (CPython's Objects/typeobject.c `object_*` functions): the default repr and the
//! method table.

use protopy_objects::Value;

use protopy_objects::InstanceData;

use super::{typeobj, Args, NativeMethod};
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// The repr of values whose type has a fixed one (`None`, `Ellipsis`, ...); None otherwise.
pub fn special_repr(vm: &mut Vm, v: Value) -> PyResult<Option<String>> {
    if vm.is_instance_ty(v, Ty::BaseException) && !typeobj::is_heap_type(vm, vm.type_of(v))
        || vm.opaque::<super::exceptions::ExcData>(v).is_some()
    {
        let r = super::exceptions::exc_repr(vm, Args::new(vec![v]))?;
        return Ok(vm.rust_str(r));
    }
    if let Some(r) = super::range::range_repr(vm, v) {
        return Ok(Some(r));
    }
    if let Some(r) = super::slice::slice_repr(vm, v)? {
        return Ok(Some(r));
    }
    if let Some(r) = super::dict_views::view_repr(vm, v)? {
        return Ok(Some(r));
    }
    Ok(if v.is_none() {
        Some("None".into())
    } else if v == Value::ELLIPSIS {
        Some("Ellipsis".into())
    } else if v == Value::NOT_IMPLEMENTED {
        Some("NotImplemented".into())
    } else {
        None
    })
}

/// `object.__new__(cls)`: an instance with a `__dict__` for classes made by `class`.
fn object_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(cls) = args.pos.first().and_then(|c| c.as_handle()) else {
        return Err(vm.type_error("object.__new__(X): X is not a type object"));
    };
    match typeobj::layout(vm, cls) {
        Ty::Object => {}
        l if l.is_exception() => {
            let rest = args.pos[1..].to_vec();
            return super::exceptions::new_exception(vm, cls, rest);
        }
        l => {
            return Err(crate::ops::not_yet(
                vm,
                &format!("instances of subclasses of {}", l.name()),
            ))
        }
    }
    let dict = if typeobj::is_heap_type(vm, cls) {
        vm.new_dict()?
    } else {
        Value::NULL
    };
    vm.temps.push(dict);
    let r = vm.alloc_typed(cls, InstanceData::new(dict, 0));
    vm.temps.pop();
    r
}

/// `object.__init__(self, /, *args, **kwargs)`.
fn object_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::NONE)
}

/// `object.__repr__`: `<module.Class object at 0x...>`.
fn object_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.pos[0];
    let ty = vm.type_of(v);
    let d = typeobj::type_dict(vm, ty);
    let module = super::dict::get_str(vm, d, "__module__")?.and_then(|m| vm.rust_str(m));
    let qual =
        vm.m.get::<protopy_objects::TypeData>(ty)
            .ok()
            .map(|t| t.qualname.load());
    let qual = qual
        .and_then(|q| vm.rust_str(q))
        .unwrap_or_else(|| typeobj::type_name(vm, ty));
    let addr = v.as_handle().map(|h| format!("{h:?}")).unwrap_or_default();
    let name = match module.as_deref() {
        Some("builtins") | None => qual,
        Some(m) => format!("{m}.{qual}"),
    };
    vm.new_str(&format!("<{name} object at {addr}>"))
}

fn get_dict(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match crate::protocols::attr::instance_dict(vm, v) {
        Some(d) => Ok(d),
        None => {
            let t = vm.type_name(v);
            Err(vm.attribute_error(&format!("'{t}' object has no attribute '__dict__'")))
        }
    }
}

fn get_class(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::from_handle(vm.type_of(v)))
}

pub const GETSETS: &[(&str, super::Getter, Option<super::Setter>)] =
    &[("__dict__", get_dict, None), ("__class__", get_class, None)];

pub const METHODS: &[NativeMethod] = &[
    super::sm("__new__", object_new, ""),
    super::m("__init__", object_init, ""),
    super::m("__repr__", object_repr, "($self, /)"),
];
