//! `tuple` (CPython's Objects/tupleobject.c): the method table.

use protopy_objects::{TupleData, Value};

use super::{Args, NativeMethod};
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// `tuple(iterable=())`.
fn tuple_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = args
        .pos
        .first()
        .and_then(|c| c.as_handle())
        .unwrap_or(vm.ty(Ty::Tuple));
    args.check(vm, "tuple", 1, 2)?;
    let items = match args.get(1) {
        Some(x) => protocols::iter::collect(vm, x)?,
        None => Vec::new(),
    };
    vm.alloc_typed(cls, TupleData::new(items))
}

pub const METHODS: &[NativeMethod] = &[super::sm("__new__", tuple_new, "")];
