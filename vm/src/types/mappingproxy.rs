//! `mappingproxy` (CPython's Objects/descrobject.c `mappingproxy_*`): the read-only view of a
//! class's `__dict__`.

use protopy_objects::{Trace, Tracer, Value};

use super::{m, Args, NativeMethod};
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// A read-only view of `mapping`.
pub struct MappingProxy {
    pub mapping: Value,
}

impl Trace for MappingProxy {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.mapping);
    }
}

/// A new proxy of `mapping`.
pub fn new(vm: &mut Vm, mapping: Value) -> PyResult<Value> {
    vm.new_opaque(Ty::MappingProxy, MappingProxy { mapping })
}

fn target(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match vm.opaque::<MappingProxy>(v) {
        Some(p) => Ok(p.mapping),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!(
                "descriptor requires a 'mappingproxy' object but received a '{t}'"
            )))
        }
    }
}

/// `mappingproxy(mapping)`.
fn mp_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check(vm, "mappingproxy", 2, 2)?;
    let mp = args.pos[1];
    let ty = vm.type_of(mp);
    let gi = vm.intern("__getitem__")?;
    if vm.is_instance_ty(mp, Ty::List)
        || vm.is_instance_ty(mp, Ty::Tuple)
        || super::typeobj::lookup(vm, ty, gi).is_none() && !vm.is_instance_ty(mp, Ty::Dict)
    {
        let t = vm.type_name(mp);
        return Err(vm.type_error(&format!(
            "mappingproxy() argument must be a mapping, not {t}"
        )));
    }
    new(vm, mp)
}

fn mp_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__getitem__", 1, 1)?;
    let t = target(vm, args.pos[0])?;
    protocols::item::getitem(vm, t, args.pos[1])
}

fn mp_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__contains__", 1, 1)?;
    let t = target(vm, args.pos[0])?;
    protocols::item::contains(vm, t, args.pos[1]).map(Value::from_bool)
}

fn mp_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__len__", 0, 0)?;
    let t = target(vm, args.pos[0])?;
    let n = protocols::item::len(vm, t)?;
    vm.new_usize(n)
}

fn mp_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__iter__", 0, 0)?;
    let t = target(vm, args.pos[0])?;
    protocols::iter::get_iter(vm, t)
}

/// Calls `mapping.name(*rest)` on the proxied mapping.
fn forward(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    let t = target(vm, args.pos[0])?;
    protocols::call::call_method(vm, t, name, args.pos[1..].to_vec())
}

fn mp_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "get", 1, 2)?;
    forward(vm, args, "get")
}
fn mp_keys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "keys", 0, 0)?;
    forward(vm, args, "keys")
}
fn mp_values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "values", 0, 0)?;
    forward(vm, args, "values")
}
fn mp_items(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "items", 0, 0)?;
    forward(vm, args, "items")
}
fn mp_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "copy", 0, 0)?;
    forward(vm, args, "copy")
}

fn mp_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = target(vm, args.pos[0])?;
    let r = protocols::repr::repr(vm, t)?;
    vm.new_str(&format!("mappingproxy({r})"))
}

fn mp_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = target(vm, args.pos[0])?;
    protocols::repr::str_value(vm, t)
}

fn mp_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__eq__", 1, 1)?;
    let t = target(vm, args.pos[0])?;
    protocols::compare::rich_compare(vm, t, args.pos[1], 2)
}

pub const METHODS: &[NativeMethod] = &[
    super::sm("__new__", mp_new, ""),
    m("__getitem__", mp_getitem, "($self, key, /)"),
    m("__contains__", mp_contains, "($self, key, /)"),
    m("__len__", mp_len, "($self, /)"),
    m("__iter__", mp_iter, "($self, /)"),
    m("get", mp_get, "($self, key, default=None, /)"),
    m("keys", mp_keys, "($self, /)"),
    m("values", mp_values, "($self, /)"),
    m("items", mp_items, "($self, /)"),
    m("copy", mp_copy, "($self, /)"),
    m("__repr__", mp_repr, "($self, /)"),
    m("__str__", mp_str, "($self, /)"),
    m("__eq__", mp_eq, "($self, value, /)"),
];
