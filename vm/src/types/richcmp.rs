//! The rich-comparison and repr methods of the builtin containers as attributes (`list.__eq__`,
//! `tuple.__repr__`, ...; the `tp_richcompare` and `tp_repr` slots of Objects/listobject.c,
//! tupleobject.c, dictobject.c and setobject.c): `NotImplemented` for an operand of another
//! kind. Also `object.__hash__` (Objects/object.c `PyObject_GenericHash`).

use protopy_objects::Value;

use super::{m, Args, NativeMethod};
use crate::protocols::compare;
use crate::thread::{PyResult, Vm};

fn richcmp(vm: &mut Vm, args: Args, name: &str, op: usize) -> PyResult<Value> {
    args.check_method(vm, name, 1, 1)?;
    let (a, b) = (args.pos[0], args.pos[1]);
    let (la, lb) = (vm.layout_of(a), vm.layout_of(b));
    match compare::native_compare(vm, a, b, la, lb, op)? {
        Some(r) => Ok(Value::from_bool(r)),
        None => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    richcmp(vm, args, "__lt__", 0)
}
fn le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    richcmp(vm, args, "__le__", 1)
}
fn eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    richcmp(vm, args, "__eq__", 2)
}
fn ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    richcmp(vm, args, "__ne__", 3)
}
fn gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    richcmp(vm, args, "__gt__", 4)
}
fn ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    richcmp(vm, args, "__ge__", 5)
}

/// `list.__repr__(self)` and friends: the builtin repr even when a subclass overrides it.
fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__repr__", 0, 0)?;
    let s = crate::protocols::repr::native_repr(vm, args.pos[0])?;
    vm.new_str(&s)
}

/// `object.__hash__(self)`: from the object's identity.
fn object_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__hash__", 0, 0)?;
    vm.new_i64(crate::protocols::identity_hash(args.pos[0]))
}

pub const OBJECT_METHODS: &[NativeMethod] = &[m("__hash__", object_hash, "($self, /)")];

pub const METHODS: &[NativeMethod] = &[
    m("__repr__", repr, "($self, /)"),
    m("__lt__", lt, "($self, value, /)"),
    m("__le__", le, "($self, value, /)"),
    m("__eq__", eq, "($self, value, /)"),
    m("__ne__", ne, "($self, value, /)"),
    m("__gt__", gt, "($self, value, /)"),
    m("__ge__", ge, "($self, value, /)"),
];
