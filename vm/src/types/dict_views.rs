//! The set operations and comparisons of `dict.keys()` and `dict.items()` views (CPython's
//! Objects/dictobject.c `dictviews_or`, `_PyDictView_Intersect`, `dictview_richcompare`, ...).

use protopy_objects::Value;

use super::iter::DictView;
use super::{m, Args, NativeMethod};
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

/// The repr of a dict view: `dict_keys([...])` with the items the view yields.
pub fn view_repr(vm: &mut Vm, v: Value) -> PyResult<Option<String>> {
    if !matches!(
        vm.layout_of(v),
        Ty::DictKeys | Ty::DictValues | Ty::DictItems
    ) {
        return Ok(None);
    }
    let items = protocols::iter::collect(vm, v)?;
    let list = vm.new_list(items)?;
    vm.temps.push(list);
    let r = protocols::repr::repr(vm, list);
    vm.temps.pop();
    Ok(Some(format!("{}({})", vm.type_name(v), r?)))
}

fn view_dict(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match vm.opaque::<DictView>(v) {
        Some(d) => Ok(d.dict),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!(
                "descriptor requires a dict view but received a '{t}'"
            )))
        }
    }
}

/// `view.isdisjoint(iterable)`.
fn isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "isdisjoint", 1, 1)?;
    let view = args.pos[0];
    view_dict(vm, view)?;
    let items = protocols::iter::collect(vm, args.pos[1])?;
    let mark = vm.temps.len();
    vm.temps.extend_from_slice(&items);
    let mut r = Ok(true);
    for x in items {
        match protocols::item::contains(vm, view, x) {
            Ok(true) => {
                r = Ok(false);
                break;
            }
            Ok(false) => {}
            Err(e) => {
                r = Err(e);
                break;
            }
        }
    }
    vm.temps.truncate(mark);
    r.map(Value::from_bool)
}

fn view_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__len__", 0, 0)?;
    let d = view_dict(vm, args.pos[0])?;
    vm.new_usize(super::dict::len(vm, d))
}

fn view_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__iter__", 0, 0)?;
    view_dict(vm, args.pos[0])?;
    protocols::iter::get_iter(vm, args.pos[0])
}

fn view_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__contains__", 1, 1)?;
    view_dict(vm, args.pos[0])?;
    protocols::item::contains(vm, args.pos[0], args.pos[1]).map(Value::from_bool)
}

/// `view.mapping`: a read-only proxy of the view's dict.
fn view_mapping(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let d = view_dict(vm, v)?;
    super::mappingproxy::new(vm, d)
}

pub const GETSETS: &[(&str, super::Getter, Option<super::Setter>)] =
    &[("mapping", view_mapping, None)];

pub const SETLIKE_METHODS: &[NativeMethod] = &[
    m("isdisjoint", isdisjoint, "($self, other, /)"),
    m("__len__", view_len, "($self, /)"),
    m("__iter__", view_iter, "($self, /)"),
    m("__contains__", view_contains, "($self, key, /)"),
];

pub const VALUES_METHODS: &[NativeMethod] = &[
    m("__len__", view_len, "($self, /)"),
    m("__iter__", view_iter, "($self, /)"),
];
