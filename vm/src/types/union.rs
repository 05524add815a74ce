//! `typing.Union`, the value of `int | None` (CPython's Objects/unionobject.c): its
//! flattened, de-duplicated arguments, repr, equality, hash, `|` and its use in
//! `isinstance`/`issubclass`.

use protopy_objects::{Trace, Tracer, Value};

use super::{m, typeobj, Args, NativeMethod};
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// A union of types: `args` is a tuple of at least two distinct members.
pub struct UnionData {
    pub args: Value,
}

impl Trace for UnionData {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.args);
    }
}

/// The members of a union value, or None.
pub fn union_args(vm: &Vm, v: Value) -> Option<Vec<Value>> {
    let a = vm.opaque::<UnionData>(v)?.args;
    vm.tuple_items(a).map(|s| s.to_vec())
}

/// Whether `v` may be a member of a union made by `|`: a class, None, a union, a
/// parameterized generic, a type alias, or a `TypeVar` or `ParamSpec` (whose `|` CPython's
/// typing makes; a `TypeVarTuple` has none).
fn unionable(vm: &Vm, v: Value) -> bool {
    v.is_none()
        || typeobj::is_type(vm, v)
        || vm.opaque::<UnionData>(v).is_some()
        || vm.opaque::<super::generic_alias::GenericAlias>(v).is_some()
        || vm.opaque::<super::typealias::TypeAlias>(v).is_some()
        || vm
            .opaque::<super::typevar::TypeParamObj>(v)
            .is_some_and(|p| p.kind != super::typevar::ParamKind::TypeVarTuple)
}

/// `a | b` for classes, None and unions (`_Py_union_type_or`); None when not applicable.
pub fn type_or(vm: &mut Vm, a: Value, b: Value) -> PyResult<Option<Value>> {
    if !unionable(vm, a) || !unionable(vm, b) {
        return Ok(None);
    }
    let mut members: Vec<Value> = Vec::new();
    for v in [a, b] {
        let parts = union_args(vm, v).unwrap_or_else(|| vec![v]);
        for p in parts {
            let p = if p.is_none() {
                vm.ty_val(Ty::NoneType)
            } else {
                p
            };
            if !members.contains(&p) {
                members.push(p);
            }
        }
    }
    if let [one] = members.as_slice() {
        return Ok(Some(*one));
    }
    let args = vm.new_tuple(members)?;
    vm.temps.push(args);
    let r = vm.new_opaque(Ty::Union, UnionData { args });
    vm.temps.pop();
    r.map(Some)
}

fn member_repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    if v == vm.ty_val(Ty::NoneType) {
        return Ok("None".into());
    }
    if let Some(h) = v.as_handle().filter(|_| typeobj::is_type(vm, v)) {
        let q = typeobj::type_qualname(vm, h);
        return Ok(match typeobj::type_module(vm, h).as_deref() {
            Some("builtins") | None => q,
            Some(m) => format!("{m}.{q}"),
        });
    }
    protocols::repr::repr(vm, v)
}

fn the_args(vm: &mut Vm, v: Value) -> PyResult<Vec<Value>> {
    match union_args(vm, v) {
        Some(a) => Ok(a),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!(
                "descriptor requires a 'typing.Union' object but received a '{t}'"
            )))
        }
    }
}

fn union_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let members = the_args(vm, args.pos[0])?;
    let mut parts = Vec::with_capacity(members.len());
    for v in members {
        parts.push(member_repr(vm, v)?);
    }
    vm.new_str(&parts.join(" | "))
}

fn union_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__eq__", 1, 1)?;
    let a = the_args(vm, args.pos[0])?;
    let Some(b) = union_args(vm, args.pos[1]) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let same = a.len() == b.len() && a.iter().all(|x| b.contains(x));
    Ok(Value::from_bool(same))
}

fn union_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = the_args(vm, args.pos[0])?;
    let h = a
        .iter()
        .fold(0x5bd1_e995_i64, |h, &v| h ^ protocols::identity_hash(v));
    vm.new_i64(if h == -1 { -2 } else { h })
}

pub fn union_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__or__", 1, 1)?;
    Ok(type_or(vm, args.pos[0], args.pos[1])?.unwrap_or(Value::NOT_IMPLEMENTED))
}

pub fn union_ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__ror__", 1, 1)?;
    Ok(type_or(vm, args.pos[1], args.pos[0])?.unwrap_or(Value::NOT_IMPLEMENTED))
}

fn get_args(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(vm.opaque::<UnionData>(v).map_or(Value::NONE, |u| u.args))
}

pub const METHODS: &[NativeMethod] = &[
    m("__repr__", union_repr, "($self, /)"),
    m("__eq__", union_eq, "($self, value, /)"),
    m("__hash__", union_hash, "($self, /)"),
    m("__or__", union_or, "($self, value, /)"),
    m("__ror__", union_ror, "($self, value, /)"),
];

pub const GETSETS: &[(&str, super::Getter, Option<super::Setter>)] =
    &[("__args__", get_args, None)];

/// `type.__or__(cls, other, /)`.
pub fn type_dunder_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__or__", 1, 1)?;
    Ok(type_or(vm, args.pos[0], args.pos[1])?.unwrap_or(Value::NOT_IMPLEMENTED))
}

/// `type.__ror__(cls, other, /)`.
pub fn type_dunder_ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__ror__", 1, 1)?;
    Ok(type_or(vm, args.pos[1], args.pos[0])?.unwrap_or(Value::NOT_IMPLEMENTED))
}
