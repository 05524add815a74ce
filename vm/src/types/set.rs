//! `set` and `frozenset` (CPython's Objects/setobject.c): construction, membership, the methods
//! and operators. Hashes are computed before a table is locked, and a user `__eq__` runs with
//! every lock released (the `Pending` protocol of `objects::set_table`).

use std::ops::Deref;

use protopy_objects::ObjectMutexGuard as MutexGuard;
use protopy_objects::{
    FrozenSetData, Handle, KeyEq, PairAnswers, Pending, SetData, SetTable, Undecided, Value,
};

use super::{m, sm, Args, NativeMethod};
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// The elements of a set or frozenset.
pub fn elements(vm: &Vm, v: Value) -> Vec<Value> {
    if let Ok(s) = vm.m.get_value::<SetData>(v) {
        return s.elements();
    }
    match vm.m.get_value::<FrozenSetData>(v) {
        Ok(f) => f.table.iter().map(|e| e.key).collect(),
        Err(_) => Vec::new(),
    }
}

/// `len(set)`.
pub fn len(vm: &Vm, v: Value) -> usize {
    if let Ok(s) = vm.m.get_value::<SetData>(v) {
        return s.len();
    }
    vm.m.get_value::<FrozenSetData>(v)
        .map(|f| f.len())
        .unwrap_or(0)
}

/// Whether `v` is a set or frozenset (or an instance of a subclass).
pub fn is_anyset(vm: &Vm, v: Value) -> bool {
    matches!(vm.layout_of(v), Ty::Set | Ty::FrozenSet)
}

/// A set's table: locked for a `set`, read directly for a `frozenset`.
enum TableRef<'a> {
    Locked(MutexGuard<'a, SetTable>),
    Frozen(&'a SetTable),
}

impl Deref for TableRef<'_> {
    type Target = SetTable;
    fn deref(&self) -> &SetTable {
        match self {
            TableRef::Locked(g) => g,
            TableRef::Frozen(t) => t,
        }
    }
}

fn table_ref(vm: &Vm, v: Value) -> Option<TableRef<'_>> {
    if let Ok(s) = vm.m.get_value::<SetData>(v) {
        return Some(TableRef::Locked(s.lock()));
    }
    vm.m.get_value::<FrozenSetData>(v)
        .ok()
        .map(|f| TableRef::Frozen(&f.table))
}

/// `hash(key)` for use as a set element or dict key: an unhashable key gets CPython 3.14's
/// "cannot use 'T' as a set element (unhashable type: 'T')".
pub fn hash_key(vm: &mut Vm, key: Value, what: &str) -> PyResult<i64> {
    match protocols::hash(vm, key) {
        Ok(h) => Ok(h),
        Err(e) => {
            // Any plain TypeError is wrapped, naming the key's type (`dict_unhashable_type`).
            if vm.is_exact(e.exc, Ty::TypeError) {
                let t = vm.type_name(key);
                let inner = protocols::repr::str(vm, e.exc)?;
                return Err(vm.type_error(&format!("cannot use '{t}' as {what} ({inner})")));
            }
            Err(e)
        }
    }
}

/// Runs a multi-key table operation until it decides, computing pending equalities with the
/// locks released.
fn with_pairs<R>(
    vm: &mut Vm,
    mut op: impl FnMut(&Vm, &mut dyn FnMut(Value, Value) -> KeyEq) -> Result<R, Pending>,
) -> PyResult<R> {
    let mut answers = PairAnswers::default();
    loop {
        let r = {
            let vmr: &Vm = vm;
            let mut eq = |stored: Value, k: Value| {
                answers
                    .answer(stored, k)
                    .unwrap_or_else(|| super::dict::fast_eq(vmr, stored, k))
            };
            op(vmr, &mut eq)
        };
        match r {
            Ok(r) => return Ok(r),
            Err(p) => {
                // One comparison at a time, in probe order (the probe stops at an equal one).
                if let Some(c) = p
                    .candidates
                    .into_iter()
                    .find(|&c| answers.answer(c, p.key).is_none())
                {
                    vm.temps.push(c);
                    vm.temps.push(p.key);
                    let eq = protocols::compare::eq(vm, c, p.key);
                    vm.temps.truncate(vm.temps.len() - 2);
                    answers.record(c, p.key, eq?);
                }
            }
        }
    }
}

fn undecided(hash: i64, key: Value, u: Undecided) -> Pending {
    Pending {
        hash,
        key,
        candidates: u.candidates,
    }
}

/// The hashed items of an iterable (a set's own hashes are reused).
fn hashed_items(vm: &mut Vm, it: Value) -> PyResult<Vec<(i64, Value)>> {
    if is_anyset(vm, it) {
        if let Some(t) = table_ref(vm, it) {
            return Ok(t.iter().map(|e| (e.hash, e.key)).collect());
        }
    }
    let items = protocols::iter::collect(vm, it)?;
    let mark = vm.temps.len();
    vm.temps.extend_from_slice(&items);
    let mut out = Vec::with_capacity(items.len());
    for x in items {
        match hash_key(vm, x, "a set element") {
            Ok(h) => out.push((h, x)),
            Err(e) => {
                vm.temps.truncate(mark);
                return Err(e);
            }
        }
    }
    vm.temps.truncate(mark);
    Ok(out)
}

/// A table holding `items` (hashed first), as `set(iterable)` builds it.
fn table_from(vm: &mut Vm, items: Vec<(i64, Value)>) -> PyResult<SetTable> {
    let mark = vm.temps.len();
    vm.temps.extend(items.iter().map(|p| p.1));
    let r = with_pairs(vm, |_, eq| {
        let mut t = SetTable::new();
        t.extend(items.iter().copied(), eq)?;
        Ok(t)
    });
    vm.temps.truncate(mark);
    r
}

/// A new object of set type `cls` (`set`, `frozenset` or a subclass) holding `table`.
fn alloc_set(vm: &mut Vm, cls: Handle, table: SetTable) -> PyResult<Value> {
    if super::typeobj::layout(vm, cls) == Ty::FrozenSet {
        vm.alloc_typed(cls, FrozenSetData::new(table))
    } else {
        vm.alloc_typed(cls, SetData::new(table))
    }
}

/// A new exact set of `items` (`BUILD_SET`).
pub fn new_set(vm: &mut Vm, items: &[Value]) -> PyResult<Value> {
    let mut hashed = Vec::with_capacity(items.len());
    for &x in items {
        hashed.push((hash_key(vm, x, "a set element")?, x));
    }
    let t = table_from(vm, hashed)?;
    vm.alloc(Ty::Set, SetData::new(t))
}

/// A new frozenset of `items` (inserted in order), as a constant frozenset is built.
pub fn new_frozenset(vm: &mut Vm, items: &[Value]) -> PyResult<Value> {
    let mut hashed = Vec::with_capacity(items.len());
    for &x in items {
        hashed.push((hash_key(vm, x, "a set element")?, x));
    }
    let t = table_from(vm, hashed)?;
    vm.alloc(Ty::FrozenSet, FrozenSetData::new(t))
}

/// `set.add(item)` on a set value.
pub fn add(vm: &mut Vm, set: Value, item: Value) -> PyResult<()> {
    let h = hash_key(vm, item, "a set element")?;
    with_pairs(vm, |vm, eq| {
        let Ok(s) = vm.m.get_value::<SetData>(set) else {
            return Ok(());
        };
        let r = s.lock().add(h, item, eq);
        r.map(|_| ()).map_err(|u| undecided(h, item, u))
    })
}

/// `set.update(iterable)` on a set value (`SET_UPDATE`).
pub fn update_from(vm: &mut Vm, set: Value, other: Value) -> PyResult<()> {
    if set == other {
        return Ok(());
    }
    if vm.dict_data(other).is_some() && !is_anyset(vm, other) {
        return with_pairs(vm, |vm, eq| {
            let (Ok(s), Some(d)) = (vm.m.get_value::<SetData>(set), vm.dict_data(other)) else {
                return Ok(());
            };
            let d = d.lock().clone();
            let mut g = s.lock();
            protopy_objects::set_table::algebra::update_dict(&mut g, &d, eq)
        });
    }
    if is_anyset(vm, other) {
        return with_pairs(vm, |vm, eq| {
            let Ok(s) = vm.m.get_value::<SetData>(set) else {
                return Ok(());
            };
            let o: SetTable = table_ref(vm, other).map(|t| t.clone()).unwrap_or_default();
            let mut g = s.lock();
            protopy_objects::set_table::algebra::update(&mut g, &o, eq)
        });
    }
    let items = hashed_items(vm, other)?;
    let mark = vm.temps.len();
    vm.temps.extend(items.iter().map(|p| p.1));
    let mut done = 0;
    let r = with_pairs(vm, |vm, eq| {
        let Ok(s) = vm.m.get_value::<SetData>(set) else {
            return Ok(());
        };
        let mut g = s.lock();
        for &(h, k) in &items[done..] {
            g.add(h, k, &mut *eq).map_err(|u| undecided(h, k, u))?;
            done += 1;
        }
        Ok(())
    });
    vm.temps.truncate(mark);
    r
}

/// `item in set`.
pub fn contains(vm: &mut Vm, set: Value, item: Value) -> PyResult<bool> {
    let h = match hash_key(vm, item, "a set element") {
        Ok(h) => h,
        Err(e) => {
            // A set used as a key is looked up as the equal frozenset.
            if vm.layout_of(item) == Ty::Set && vm.err_is(&e, Ty::TypeError) {
                let f = frozen_copy(vm, item)?;
                return contains(vm, set, f);
            }
            return Err(e);
        }
    };
    with_pairs(vm, |vm, eq| {
        let Some(t) = table_ref(vm, set) else {
            return Ok(false);
        };
        t.contains(h, item, eq).map_err(|u| undecided(h, item, u))
    })
}

/// A frozenset with the elements of `v`.
fn frozen_copy(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let t = table_ref(vm, v).map(|t| t.copy()).unwrap_or_default();
    vm.alloc(Ty::FrozenSet, FrozenSetData::new(t))
}

/// The exact base type (`set` or `frozenset`) of a set value, for results of operators.
fn base_type(vm: &Vm, v: Value) -> Ty {
    if vm.layout_of(v) == Ty::FrozenSet {
        Ty::FrozenSet
    } else {
        Ty::Set
    }
}

/// A set operation of two set values: `op` 1 `&`, 7 `|`, 10 `-`, 12 `^` (BINARY_OP numbering).
fn algebra(vm: &mut Vm, a: Value, b: Value, op: u32) -> PyResult<SetTable> {
    use protopy_objects::set_table::algebra as alg;
    with_pairs(vm, |vm, eq| {
        let copy_b = if a == b {
            None
        } else {
            let t = table_ref(vm, b).map(|t| t.clone());
            Some(t.unwrap_or_default())
        };
        let Some(ta) = table_ref(vm, a) else {
            return Ok(SetTable::new());
        };
        let tb: &SetTable = copy_b.as_ref().unwrap_or(&ta);
        match op {
            1 => alg::intersection(&ta, tb, eq),
            7 => alg::union(&ta, tb, eq),
            10 => alg::difference(&ta, tb, eq),
            _ => alg::symmetric_difference(&ta, tb, eq),
        }
    })
}

/// `a op b` for two sets (`|`, `^`, `-`, `&`); in place it updates `a` (a set) and returns it.
pub fn set_op(vm: &mut Vm, a: Value, b: Value, op: u32, inplace: bool) -> PyResult<Value> {
    if inplace && vm.layout_of(a) == Ty::Set {
        let t = if a == b {
            match op {
                10 | 12 => SetTable::new(),
                _ => table_ref(vm, a).map(|t| t.copy()).unwrap_or_default(),
            }
        } else {
            algebra(vm, a, b, op)?
        };
        if let Ok(s) = vm.m.get_value::<SetData>(a) {
            *s.lock() = t;
        }
        return Ok(a);
    }
    let t = algebra(vm, a, b, op)?;
    let cls = vm.ty(base_type(vm, a));
    alloc_set(vm, cls, t)
}

/// Whether every element of `a` is in `b`.
fn subset(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if len(vm, a) > len(vm, b) {
        return Ok(false);
    }
    let items: Vec<(i64, Value)> = table_ref(vm, a)
        .map(|t| t.iter().map(|e| (e.hash, e.key)).collect())
        .unwrap_or_default();
    for (h, k) in items {
        let found = with_pairs(vm, |vm, eq| {
            let Some(t) = table_ref(vm, b) else {
                return Ok(false);
            };
            t.contains(h, k, eq).map_err(|u| undecided(h, k, u))
        })?;
        if !found {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Comparison of two sets (`op` as COMPARE_OP: 0 `<` .. 5 `>=`).
pub fn compare(vm: &mut Vm, a: Value, b: Value, op: usize) -> PyResult<bool> {
    let (la, lb) = (len(vm, a), len(vm, b));
    Ok(match op {
        0 => la < lb && subset(vm, a, b)?,
        1 => subset(vm, a, b)?,
        2 => la == lb && subset(vm, a, b)?,
        3 => !(la == lb && subset(vm, a, b)?),
        4 => la > lb && subset(vm, b, a)?,
        _ => subset(vm, b, a)?,
    })
}

/// The receiver of a set method, checked.
fn this(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Value> {
    let v = args.pos.first().copied().unwrap_or(Value::NONE);
    if !is_anyset(vm, v) {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!(
            "descriptor '{name}' requires a 'set' object but received a '{t}'"
        )));
    }
    Ok(v)
}

/// An operand of a set method: a set as is, any other iterable as a new frozenset.
fn as_set(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if is_anyset(vm, v) {
        return Ok(v);
    }
    let items = hashed_items(vm, v)?;
    let t = table_from(vm, items)?;
    vm.alloc(Ty::FrozenSet, FrozenSetData::new(t))
}

/// `set(iterable=())`, `frozenset(iterable=())`.
fn set_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = args
        .pos
        .first()
        .and_then(|c| c.as_handle())
        .unwrap_or(vm.ty(Ty::Set));
    let frozen = super::typeobj::layout(vm, cls) == Ty::FrozenSet;
    let name = if frozen { "frozenset" } else { "set" };
    if !args.kw.is_empty() && (frozen || cls == vm.ty(Ty::Set)) {
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    if args.pos.len() > 2 && (frozen || cls == vm.ty(Ty::Set)) {
        return Err(vm.type_error(&format!(
            "{name} expected at most 1 argument, got {}",
            args.pos.len() - 1
        )));
    }
    if !frozen {
        // `set.__init__` fills it.
        return alloc_set(vm, cls, SetTable::new());
    }
    let Some(it) = args.get(1) else {
        return alloc_set(vm, cls, SetTable::new());
    };
    if vm.is_exact(it, Ty::FrozenSet) && cls == vm.ty(Ty::FrozenSet) {
        return Ok(it);
    }
    let items = hashed_items(vm, it)?;
    let t = table_from(vm, items)?;
    alloc_set(vm, cls, t)
}

/// `set.__init__(iterable=())`.
fn set_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = args.pos[0];
    if vm.layout_of(s) != Ty::Set {
        return Ok(Value::NONE);
    }
    if !args.kw.is_empty() {
        return Err(vm.type_error("set() takes no keyword arguments"));
    }
    if args.pos.len() > 2 {
        return Err(vm.type_error(&format!(
            "set expected at most 1 argument, got {}",
            args.pos.len() - 1
        )));
    }
    if let Ok(d) = vm.m.get_value::<SetData>(s) {
        d.clear();
    }
    if let Some(it) = args.get(1) {
        update_from(vm, s, it)?;
    }
    Ok(Value::NONE)
}

fn s_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "set.add", 1, 1)?;
    add(vm, args.pos[0], args.pos[1])?;
    Ok(Value::NONE)
}

fn s_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "set.clear", 0, 0)?;
    if let Ok(d) = vm.m.get_value::<SetData>(args.pos[0]) {
        d.clear();
    }
    Ok(Value::NONE)
}

fn s_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "set.copy", 0, 0)?;
    let s = this(vm, &args, "copy")?;
    if vm.is_exact(s, Ty::FrozenSet) {
        return Ok(s);
    }
    let t = table_ref(vm, s).map(|t| t.copy()).unwrap_or_default();
    let cls = vm.ty(base_type(vm, s));
    alloc_set(vm, cls, t)
}

/// Removes `item`; whether it was there.
fn discard_item(vm: &mut Vm, s: Value, item: Value) -> PyResult<bool> {
    let h = match hash_key(vm, item, "a set element") {
        Ok(h) => h,
        Err(e) => {
            if vm.layout_of(item) == Ty::Set && vm.err_is(&e, Ty::TypeError) {
                let f = frozen_copy(vm, item)?;
                return discard_item(vm, s, f);
            }
            return Err(e);
        }
    };
    with_pairs(vm, |vm, eq| {
        let Ok(d) = vm.m.get_value::<SetData>(s) else {
            return Ok(false);
        };
        let r = d.lock().discard(h, item, eq);
        r.map(|r| r.is_some()).map_err(|u| undecided(h, item, u))
    })
}

fn s_discard(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "set.discard", 1, 1)?;
    discard_item(vm, args.pos[0], args.pos[1])?;
    Ok(Value::NONE)
}

fn s_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "set.remove", 1, 1)?;
    if !discard_item(vm, args.pos[0], args.pos[1])? {
        return Err(vm.new_error_args(Ty::KeyError, vec![args.pos[1]]));
    }
    Ok(Value::NONE)
}

fn s_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "set.pop", 0, 0)?;
    let r =
        vm.m.get_value::<SetData>(args.pos[0])
            .ok()
            .and_then(|d| d.pop());
    r.ok_or_else(|| vm.new_error(Ty::KeyError, "pop from an empty set"))
}

/// `a.union(*others)` and friends: folds `op` over the operands, starting from a copy.
fn multi(vm: &mut Vm, args: Args, name: &str, op: u32) -> PyResult<Value> {
    let s = this(vm, &args, name)?;
    if !args.kw.is_empty() {
        return Err(vm.type_error(&format!("set.{name}() takes no keyword arguments")));
    }
    let cls = vm.ty(base_type(vm, s));
    let mut acc = {
        let t = table_ref(vm, s).map(|t| t.copy()).unwrap_or_default();
        alloc_set(vm, cls, t)?
    };
    let mark = vm.temps.len();
    vm.temps.push(acc);
    for &o in &args.pos[1..] {
        let r = as_set(vm, o).and_then(|o| {
            vm.temps.push(o);
            let t = algebra(vm, acc, o, op)?;
            alloc_set(vm, cls, t)
        });
        match r {
            Ok(v) => {
                acc = v;
                vm.temps.push(v);
            }
            Err(e) => {
                vm.temps.truncate(mark);
                return Err(e);
            }
        }
    }
    vm.temps.truncate(mark);
    Ok(acc)
}

fn s_union(vm: &mut Vm, args: Args) -> PyResult<Value> {
    multi(vm, args, "union", 7)
}
fn s_intersection(vm: &mut Vm, args: Args) -> PyResult<Value> {
    multi(vm, args, "intersection", 1)
}
fn s_difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    multi(vm, args, "difference", 10)
}
fn s_symmetric_difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "set.symmetric_difference", 1, 1)?;
    multi(vm, args, "symmetric_difference", 12)
}

/// The in-place forms: `update`, `intersection_update`, ...
fn multi_update(vm: &mut Vm, args: Args, name: &str, op: u32) -> PyResult<Value> {
    let s = this(vm, &args, name)?;
    if !args.kw.is_empty() {
        return Err(vm.type_error(&format!("set.{name}() takes no keyword arguments")));
    }
    for &o in &args.pos[1..] {
        if op == 7 {
            update_from(vm, s, o)?;
            continue;
        }
        let o = as_set(vm, o)?;
        vm.temps.push(o);
        let r = set_op(vm, s, o, op, true);
        vm.temps.pop();
        r?;
    }
    Ok(Value::NONE)
}

fn s_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    multi_update(vm, args, "update", 7)
}
fn s_intersection_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    multi_update(vm, args, "intersection_update", 1)
}
fn s_difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    multi_update(vm, args, "difference_update", 10)
}
fn s_symmetric_difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "set.symmetric_difference_update", 1, 1)?;
    multi_update(vm, args, "symmetric_difference_update", 12)
}

/// `issubset`, `issuperset`, `isdisjoint` with any iterable.
fn relation(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    args.check_method(vm, name, 1, 1)?;
    let s = this(vm, &args, name)?;
    let o = as_set(vm, args.pos[1])?;
    vm.temps.push(o);
    let r = match name {
        "issubset" => subset(vm, s, o),
        "issuperset" => subset(vm, o, s),
        _ => algebra(vm, s, o, 1).map(|t| t.is_empty()),
    };
    vm.temps.pop();
    Ok(Value::from_bool(r?))
}

fn s_issubset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    relation(vm, args, "issubset")
}
fn s_issuperset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    relation(vm, args, "issuperset")
}
fn s_isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    relation(vm, args, "isdisjoint")
}

fn s_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "set.__contains__", 1, 1)?;
    let s = this(vm, &args, "__contains__")?;
    Ok(Value::from_bool(contains(vm, s, args.pos[1])?))
}

fn s_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "set.__len__", 0, 0)?;
    let s = this(vm, &args, "__len__")?;
    vm.new_usize(len(vm, s))
}

fn s_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "set.__iter__", 0, 0)?;
    let s = this(vm, &args, "__iter__")?;
    super::iter::set_iter(vm, s)
}

/// `hash(frozenset)`, cached.
pub fn frozenset_hash(vm: &Vm, v: Value) -> Option<i64> {
    let f = vm.m.get_value::<FrozenSetData>(v).ok()?;
    if let Some(h) = f.hash.get() {
        return Some(h);
    }
    let h = f.table.frozenset_hash();
    f.hash.set(h);
    Some(h)
}

fn s_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "set.__hash__", 0, 0)?;
    let h = frozenset_hash(vm, args.pos[0]).unwrap_or(0);
    vm.new_i64(h)
}

pub const SET_METHODS: &[NativeMethod] = &[
    sm("__new__", set_new, ""),
    m("__init__", set_init, ""),
    m("add", s_add, "($self, object, /)"),
    m("clear", s_clear, "($self, /)"),
    m("copy", s_copy, "($self, /)"),
    m("discard", s_discard, "($self, object, /)"),
    m("remove", s_remove, "($self, object, /)"),
    m("pop", s_pop, "($self, /)"),
    m("union", s_union, "($self, /, *others)"),
    m("intersection", s_intersection, "($self, /, *others)"),
    m("difference", s_difference, "($self, /, *others)"),
    m(
        "symmetric_difference",
        s_symmetric_difference,
        "($self, other, /)",
    ),
    m("update", s_update, "($self, /, *others)"),
    m(
        "intersection_update",
        s_intersection_update,
        "($self, /, *others)",
    ),
    m(
        "difference_update",
        s_difference_update,
        "($self, /, *others)",
    ),
    m(
        "symmetric_difference_update",
        s_symmetric_difference_update,
        "($self, other, /)",
    ),
    m("issubset", s_issubset, "($self, other, /)"),
    m("issuperset", s_issuperset, "($self, other, /)"),
    m("isdisjoint", s_isdisjoint, "($self, other, /)"),
    m("__contains__", s_contains, "($self, object, /)"),
    m("__len__", s_len, "($self, /)"),
    m("__iter__", s_iter, "($self, /)"),
];

pub const FROZENSET_METHODS: &[NativeMethod] = &[
    sm("__new__", set_new, ""),
    m("copy", s_copy, "($self, /)"),
    m("union", s_union, "($self, /, *others)"),
    m("intersection", s_intersection, "($self, /, *others)"),
    m("difference", s_difference, "($self, /, *others)"),
    m(
        "symmetric_difference",
        s_symmetric_difference,
        "($self, other, /)",
    ),
    m("issubset", s_issubset, "($self, other, /)"),
    m("issuperset", s_issuperset, "($self, other, /)"),
    m("isdisjoint", s_isdisjoint, "($self, other, /)"),
    m("__contains__", s_contains, "($self, object, /)"),
    m("__len__", s_len, "($self, /)"),
    m("__iter__", s_iter, "($self, /)"),
    m("__hash__", s_hash, "($self, /)"),
];
