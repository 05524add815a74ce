//! Iteration (Objects/abstract.c `PyObject_GetIter`, `PyIter_Next`): native iterators for the
//! builtin containers, `__iter__`/`__next__` for the rest, and the old sequence protocol.

use protopy_objects::Value;

use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};
use crate::types::iter::{self as it, SeqIter};
use crate::types::typeobj;

/// `iter(obj)`.
pub fn get_iter(vm: &mut Vm, obj: Value) -> PyResult<Value> {
    let ty = vm.type_of(obj);
    if crate::types::subclass::native_slot(vm, ty, "__iter__") {
        if let Some(r) = it::native_iter(vm, obj)? {
            return Ok(r);
        }
    }
    let iter_name = vm.intern("__iter__")?;
    if typeobj::lookup(vm, ty, iter_name).is_some_and(|f| f.is_none()) {
        let t = vm.type_name(obj);
        return Err(vm.type_error(&format!("'{t}' object is not iterable")));
    }
    if let Some(r) = super::call::call_special(vm, obj, "__iter__", vec![])? {
        let rt = vm.type_of(r);
        let nn = vm.intern("__next__")?;
        let native = it::is_iterator_type(vm.layout_of(r));
        if !native && typeobj::lookup(vm, rt, nn).is_none() {
            let t = vm.type_name(r);
            return Err(vm.type_error(&format!("iter() returned non-iterator of type '{t}'")));
        }
        return Ok(r);
    }
    let gi = vm.intern("__getitem__")?;
    if typeobj::lookup(vm, ty, gi).is_some() {
        return vm.new_opaque(Ty::Iterator, SeqIter::new(obj));
    }
    let t = vm.type_name(obj);
    Err(vm.type_error(&format!("'{t}' object is not iterable")))
}

/// `next(iterator)`; None when exhausted (StopIteration swallowed).
pub fn next(vm: &mut Vm, iter: Value) -> PyResult<Option<Value>> {
    if let Some(r) = it::native_next(vm, iter)? {
        return Ok(r);
    }
    match super::call::call_special(vm, iter, "__next__", vec![]) {
        Ok(Some(v)) => Ok(Some(v)),
        Ok(None) => {
            let t = vm.type_name(iter);
            Err(vm.type_error(&format!("'{t}' object is not an iterator")))
        }
        Err(e) if vm.err_is(&e, Ty::StopIteration) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `list(iterable)` as a vector (items rooted while collecting).
pub fn collect(vm: &mut Vm, obj: Value) -> PyResult<Vec<Value>> {
    match vm.layout_of(obj) {
        Ty::List if !typeobj::is_heap_type(vm, vm.type_of(obj)) => {
            return Ok(vm.list_data(obj).map(|l| l.snapshot()).unwrap_or_default())
        }
        Ty::Tuple if !typeobj::is_heap_type(vm, vm.type_of(obj)) => {
            return Ok(vm.tuple_items(obj).map(|s| s.to_vec()).unwrap_or_default())
        }
        _ => {}
    }
    let iter = get_iter(vm, obj)?;
    let mark = vm.temps.len();
    vm.temps.push(iter);
    let mut out = Vec::new();
    loop {
        match next(vm, iter) {
            Ok(Some(v)) => {
                vm.temps.push(v);
                out.push(v);
            }
            Ok(None) => break,
            Err(e) => {
                vm.temps.truncate(mark);
                return Err(e);
            }
        }
    }
    vm.temps.truncate(mark);
    Ok(out)
}
