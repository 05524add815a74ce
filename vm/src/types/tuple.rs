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
    if !args.kw.is_empty() && cls == vm.ty(Ty::Tuple) {
        return Err(vm.type_error("tuple() takes no keyword arguments"));
    }
    if args.pos.len() > 2 {
        return Err(vm.type_error(&format!(
            "tuple expected at most 1 argument, got {}",
            args.pos.len() - 1
        )));
    }
    if let Some(x) = args.get(1) {
        if cls == vm.ty(Ty::Tuple) && vm.is_exact(x, Ty::Tuple) {
            return Ok(x);
        }
    }
    let items = match args.get(1) {
        Some(x) => protocols::iter::collect(vm, x)?,
        None => Vec::new(),
    };
    vm.alloc_typed(cls, TupleData::new(items))
}

fn items_of(vm: &mut Vm, v: Value) -> PyResult<Vec<Value>> {
    match vm.tuple_items(v) {
        Some(t) => Ok(t.to_vec()),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!(
                "descriptor requires a 'tuple' object but received a '{t}'"
            )))
        }
    }
}

/// `tuple.count(value)`.
fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "tuple.count", 1, 1)?;
    let items = items_of(vm, args.pos[0])?;
    let mut n = 0usize;
    let mut at = 0;
    while let Some(i) = super::list_slice::find(vm, &items, args.pos[1], at, items.len())? {
        n += 1;
        at = i + 1;
    }
    vm.new_usize(n)
}

/// `tuple.index(value, start=0, stop=sys.maxsize)`.
fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "index", 1, 3)?;
    let items = items_of(vm, args.pos[0])?;
    let start = super::list_slice::clamp_bound(vm, args.get(2), items.len(), 0)?;
    let stop = super::list_slice::clamp_bound(vm, args.get(3), items.len(), items.len())?;
    match super::list_slice::find(vm, &items, args.pos[1], start, stop)? {
        Some(i) => vm.new_usize(i),
        None => Err(vm.value_error("tuple.index(x): x not in tuple")),
    }
}

fn dunder_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "tuple.__len__", 0, 0)?;
    let n = items_of(vm, args.pos[0])?.len();
    vm.new_usize(n)
}

fn dunder_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "tuple.__getitem__", 1, 1)?;
    let items = items_of(vm, args.pos[0])?;
    if super::range::is_slice(vm, args.pos[1]) {
        let out = super::slice::slice_items(vm, args.pos[1], &items)?;
        return vm.new_tuple(out);
    }
    let i = protocols::item::seq_index(vm, args.pos[1], items.len(), "tuple")?;
    Ok(items[i])
}

fn dunder_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "tuple.__contains__", 1, 1)?;
    let items = items_of(vm, args.pos[0])?;
    let n = items.len();
    let r = super::list_slice::find(vm, &items, args.pos[1], 0, n)?;
    Ok(Value::from_bool(r.is_some()))
}

fn dunder_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "tuple.__iter__", 0, 0)?;
    items_of(vm, args.pos[0])?;
    vm.new_opaque(Ty::TupleIterator, super::iter::SeqIter::new(args.pos[0]))
}

fn dunder_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "tuple.__add__", 1, 1)?;
    let mut items = items_of(vm, args.pos[0])?;
    let Some(other) = vm.tuple_items(args.pos[1]).map(|t| t.to_vec()) else {
        let t = vm.type_name(args.pos[1]);
        return Err(vm.type_error(&format!(
            "can only concatenate tuple (not \"{t}\") to tuple"
        )));
    };
    items.extend(other);
    vm.new_tuple(items)
}

fn dunder_mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "tuple.__mul__", 1, 1)?;
    items_of(vm, args.pos[0])?;
    let (a, b) = (args.pos[0], args.pos[1]);
    if vm.int_of(b).is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    protocols::number::binary_op(vm, a, b, 5)
}

fn dunder_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "tuple.__hash__", 0, 0)?;
    let items = items_of(vm, args.pos[0])?;
    let h = protocols::tuple_hash(vm, &items)?;
    vm.new_i64(h)
}

pub const METHODS: &[NativeMethod] = &[
    super::sm("__new__", tuple_new, ""),
    super::m("count", count, "($self, value, /)"),
    super::m(
        "index",
        index,
        "($self, value, start=0, stop=sys.maxsize, /)",
    ),
    super::m("__len__", dunder_len, "($self, /)"),
    super::m("__getitem__", dunder_getitem, "($self, key, /)"),
    super::m("__contains__", dunder_contains, "($self, key, /)"),
    super::m("__iter__", dunder_iter, "($self, /)"),
    super::m("__hash__", dunder_hash, "($self, /)"),
    super::m("__add__", dunder_add, "($self, value, /)"),
    super::m("__mul__", dunder_mul, "($self, value, /)"),
    super::m("__rmul__", dunder_mul, "($self, value, /)"),
];
