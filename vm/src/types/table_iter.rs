//! Iterators over dicts, dict views and sets (CPython's `dictiterobject` of
//! Objects/dictobject.c and `setiterobject` of Objects/setobject.c): they walk the table by
//! position, taking the lock only for each step, and fail once the size changed.

use protopy_objects::ObjectMutex as Mutex;
use protopy_objects::{FrozenSetData, SetData, Trace, Tracer, Value};

use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// What an iterator yields.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Yield {
    Keys,
    Values,
    Items,
    Elements,
}

/// An iterator over the table of `source` (a dict, or a set or frozenset).
pub struct TableIter {
    pub source: Value,
    pub what: Yield,
    /// The next position, the size when iteration began and how many items remain to be
    /// yielded; None once exhausted.
    state: Mutex<Option<(usize, usize, usize)>>,
}

impl Trace for TableIter {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.source);
    }
}

fn size_of(vm: &Vm, source: Value) -> usize {
    if let Some(d) = vm.dict_data(source) {
        return d.len();
    }
    super::set::len(vm, source)
}

/// A new iterator of `what` over `source`.
pub fn new(vm: &mut Vm, source: Value, what: Yield) -> PyResult<Value> {
    let ty = match what {
        Yield::Keys => Ty::DictKeyIterator,
        Yield::Values => Ty::DictValueIterator,
        Yield::Items => Ty::DictItemIterator,
        Yield::Elements => Ty::SetIterator,
    };
    let n = size_of(vm, source);
    vm.new_opaque(
        ty,
        TableIter {
            source,
            what,
            state: Mutex::new(Some((0, n, n))),
        },
    )
}

/// One step of a table iterator: None when `iter` is not one, `Some(None)` when exhausted.
pub fn next(vm: &mut Vm, iter: Value) -> PyResult<Option<Option<Value>>> {
    let Some(it) = vm.opaque::<TableIter>(iter) else {
        return Ok(None);
    };
    let (source, what) = (it.source, it.what);
    let Some((pos, size, left)) = *it.state.lock() else {
        return Ok(Some(None));
    };
    let set_state = |vm: &Vm, s: Option<(usize, usize, usize)>| {
        if let Some(it) = vm.opaque::<TableIter>(iter) {
            *it.state.lock() = s;
        }
    };
    if size_of(vm, source) != size {
        set_state(vm, None);
        let msg = if what == Yield::Elements {
            "Set changed size during iteration"
        } else {
            "dictionary changed size during iteration"
        };
        return Err(vm.new_error(Ty::RuntimeError, msg));
    }
    let step = if let Some(d) = vm.dict_data(source) {
        d.lock()
            .entry_at(pos)
            .map(|(next, e)| (next, e.key, e.value))
    } else if let Ok(s) = vm.m.get_value::<SetData>(source) {
        s.lock()
            .entry_at(pos)
            .map(|(next, e)| (next, e.key, Value::NONE))
    } else if let Ok(f) = vm.m.get_value::<FrozenSetData>(source) {
        f.table
            .entry_at(pos)
            .map(|(next, e)| (next, e.key, Value::NONE))
    } else {
        None
    };
    let Some((next, k, v)) = step else {
        set_state(vm, None);
        return Ok(Some(None));
    };
    if left == 0 && what != Yield::Elements {
        // More entries than the dict had: keys were replaced while iterating.
        set_state(vm, None);
        return Err(vm.new_error(Ty::RuntimeError, "dictionary keys changed during iteration"));
    }
    set_state(vm, Some((next, size, left.saturating_sub(1))));
    Ok(Some(Some(match what {
        Yield::Keys | Yield::Elements => k,
        Yield::Values => v,
        Yield::Items => vm.new_tuple(vec![k, v])?,
    })))
}
