//! The set operations and comparisons of `dict.keys()` and `dict.items()` views (CPython's
//! Objects/dictobject.c `dictviews_or`, `_PyDictView_Intersect`, `dictview_richcompare`, ...).

use protopy_objects::Value;

use super::iter::DictView;
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// Whether `v` is a keys or items view (the set-like views).
pub fn is_setlike_view(vm: &Vm, v: Value) -> bool {
    matches!(vm.layout_of(v), Ty::DictKeys | Ty::DictItems)
}

/// A new exact set of the items of any iterable.
fn set_of(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let s = super::set::new_set(vm, &[])?;
    vm.temps.push(s);
    let r = super::set::update_from(vm, s, v);
    vm.temps.pop();
    r.map(|()| s)
}

/// `a op b` where either is a set-like view: a set of `a`, updated with `b` (`op` as
/// BINARY_OP numbers it: 1 `&`, 7 `|`, 10 `-`, 12 `^`).
pub fn view_op(vm: &mut Vm, a: Value, b: Value, op: u32) -> PyResult<Value> {
    let left = set_of(vm, a)?;
    vm.temps.push(left);
    let r = (|| {
        let right = if super::set::is_anyset(vm, b) {
            b
        } else {
            set_of(vm, b)?
        };
        vm.temps.push(right);
        let r = super::set::set_op(vm, left, right, op, true);
        vm.temps.pop();
        r
    })();
    vm.temps.pop();
    r
}

/// `view == other` and the subset orderings, for a set-like view and a set or view.
pub fn view_compare(vm: &mut Vm, a: Value, b: Value, op: usize) -> PyResult<Option<bool>> {
    let setlike = |vm: &Vm, v: Value| is_setlike_view(vm, v) || super::set::is_anyset(vm, v);
    if !(setlike(vm, a) && setlike(vm, b)) {
        return Ok(None);
    }
    let x = set_of(vm, a)?;
    vm.temps.push(x);
    let r = set_of(vm, b).and_then(|y| {
        vm.temps.push(y);
        let r = super::set::compare(vm, x, y, op);
        vm.temps.pop();
        r
    });
    vm.temps.pop();
    r.map(Some)
}

/// `(key, value) in d.items()`.
pub fn items_contains(vm: &mut Vm, view: Value, item: Value) -> PyResult<bool> {
    let d = vm
        .opaque::<DictView>(view)
        .map(|v| v.dict)
        .unwrap_or(Value::NONE);
    let Some(pair) = vm.tuple_items(item).map(|t| t.to_vec()) else {
        return Ok(false);
    };
    if pair.len() != 2 {
        return Ok(false);
    }
    match super::dict::get_item(vm, d, pair[0])? {
        Some(v) => {
            vm.temps.push(v);
            let r = protocols::compare::eq(vm, v, pair[1]);
            vm.temps.pop();
            r
        }
        None => Ok(false),
    }
}
