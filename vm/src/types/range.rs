//! `range` and `slice` (CPython's Objects/rangeobject.c and sliceobject.c). Ranges hold
//! machine-sized bounds for now; bounds past `i64` raise `OverflowError`.

use parking_lot::Mutex;
use protopy_objects::{Trace, Tracer, Value};

use super::{sm, Args, Getter, NativeMethod, Setter};
use crate::ops::not_yet;
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// A `range` object.
pub struct RangeData {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Trace for RangeData {
    fn trace(&self, _t: &mut Tracer) {}
}

impl RangeData {
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn len(&self) -> i64 {
        let (lo, hi, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 && lo < hi {
            (hi - lo - 1) / step + 1
        } else if step < 0 && lo > hi {
            (lo - hi - 1) / (-step) + 1
        } else {
            0
        };
        n.min(i64::MAX as i128) as i64
    }

    pub fn item(&self, i: i64) -> i64 {
        self.start.wrapping_add(i.wrapping_mul(self.step))
    }
}

/// The iterator of a range: the next value and how many remain.
pub struct RangeIter {
    pub state: Mutex<(i64, i64)>,
    pub step: i64,
}

impl Trace for RangeIter {
    fn trace(&self, _t: &mut Tracer) {}
}

fn as_index(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let n = protocols::number::index(vm, v)?;
    match n {
        crate::numeric::Int::Small(n) => Ok(n),
        crate::numeric::Int::Big(_) => Err(not_yet(vm, "ranges with bounds beyond 64 bits")),
    }
}

/// `range(stop)`, `range(start, stop[, step])`.
fn range_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error("range() takes no keyword arguments"));
    }
    let a = &args.pos[1.min(args.pos.len())..];
    let (start, stop, step) = match a.len() {
        1 => (0, as_index(vm, a[0])?, 1),
        2 => (as_index(vm, a[0])?, as_index(vm, a[1])?, 1),
        3 => (
            as_index(vm, a[0])?,
            as_index(vm, a[1])?,
            as_index(vm, a[2])?,
        ),
        0 => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        n => return Err(vm.type_error(&format!("range expected at most 3 arguments, got {n}"))),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    vm.new_opaque(Ty::Range, RangeData { start, stop, step })
}

/// `iter(range)`.
pub fn range_iter(vm: &mut Vm, range: Value) -> PyResult<Value> {
    let Some(r) = vm.opaque::<RangeData>(range) else {
        return Err(vm.type_error("expected a range"));
    };
    let it = RangeIter {
        state: Mutex::new((r.start, r.len())),
        step: r.step,
    };
    vm.new_opaque(Ty::RangeIterator, it)
}

/// `reversed(range)`: a range iterator from the last value down.
pub fn range_reversed(vm: &mut Vm, range: Value) -> PyResult<Value> {
    let Some(r) = vm.opaque::<RangeData>(range) else {
        return Err(vm.type_error("expected a range"));
    };
    let n = r.len();
    let last = r.item(n.saturating_sub(1));
    let it = RangeIter {
        state: Mutex::new((last, n)),
        step: r.step.wrapping_neg(),
    };
    vm.new_opaque(Ty::RangeIterator, it)
}

/// `next(range_iterator)`.
pub fn range_next(it: &RangeIter) -> Option<i64> {
    let mut s = it.state.lock();
    if s.1 <= 0 {
        return None;
    }
    let v = s.0;
    s.0 = s.0.wrapping_add(it.step);
    s.1 -= 1;
    Some(v)
}

/// The repr of a range.
pub fn range_repr(vm: &Vm, range: Value) -> Option<String> {
    let r = vm.opaque::<RangeData>(range)?;
    Some(if r.step == 1 {
        format!("range({}, {})", r.start, r.stop)
    } else {
        format!("range({}, {}, {})", r.start, r.stop, r.step)
    })
}

/// Whether `v` is a slice object.
pub fn is_slice(vm: &Vm, v: Value) -> bool {
    vm.is_instance_ty(v, Ty::Slice)
}

/// `items[slice]`.
pub fn slice_items(vm: &mut Vm, slice: Value, items: &[Value]) -> PyResult<Vec<Value>> {
    super::slice::slice_items(vm, slice, items)
}

/// `range[key]`.
pub fn range_getitem(vm: &mut Vm, range: Value, key: Value) -> PyResult<Value> {
    let Some((n, r0, step)) = vm
        .opaque::<RangeData>(range)
        .map(|r| (r.len(), r.start, r.step))
    else {
        return Err(vm.type_error("expected a range"));
    };
    if is_slice(vm, key) {
        let ix = super::slice::indices_for(vm, key, n as usize)?;
        let start = r0.wrapping_add((ix.start as i64).wrapping_mul(step));
        let stop = r0.wrapping_add((ix.stop as i64).wrapping_mul(step));
        let step = step.wrapping_mul(ix.step as i64);
        return vm.new_opaque(Ty::Range, RangeData { start, stop, step });
    }
    let mut i = match protocols::number::index(vm, key) {
        Ok(crate::numeric::Int::Small(i)) => i,
        Ok(crate::numeric::Int::Big(_)) => {
            return Err(vm.index_error("range object index out of range"))
        }
        Err(e) if vm.err_is(&e, Ty::TypeError) => {
            let t = vm.type_name(key);
            return Err(vm.type_error(&format!(
                "range indices must be integers or slices, not {t}"
            )));
        }
        Err(e) => return Err(e),
    };
    if i < 0 {
        i += n;
    }
    if i < 0 || i >= n {
        return Err(vm.index_error("range object index out of range"));
    }
    vm.new_i64(r0 + i * step)
}

/// `len(range)`.
pub fn range_len(vm: &mut Vm, range: Value) -> PyResult<usize> {
    Ok(vm
        .opaque::<RangeData>(range)
        .map(|r| r.len() as usize)
        .unwrap_or(0))
}

fn get_start(vm: &mut Vm, r: Value) -> PyResult<Value> {
    let v = vm.opaque::<RangeData>(r).map(|r| r.start).unwrap_or(0);
    vm.new_i64(v)
}
fn get_stop(vm: &mut Vm, r: Value) -> PyResult<Value> {
    let v = vm.opaque::<RangeData>(r).map(|r| r.stop).unwrap_or(0);
    vm.new_i64(v)
}
fn get_step(vm: &mut Vm, r: Value) -> PyResult<Value> {
    let v = vm.opaque::<RangeData>(r).map(|r| r.step).unwrap_or(1);
    vm.new_i64(v)
}

/// The position of the int `x` in `range`, if it is there.
fn int_position(r: &RangeData, x: &crate::numeric::Int) -> Option<i64> {
    let crate::numeric::Int::Small(x) = *x else {
        return None;
    };
    let off = (x as i128) - (r.start as i128);
    let step = r.step as i128;
    if off % step != 0 {
        return None;
    }
    let i = off / step;
    (i >= 0 && i < r.len() as i128).then_some(i as i64)
}

/// Whether `v` is an exact int or bool (the values `range` answers arithmetically).
fn exact_int(vm: &Vm, v: Value) -> Option<crate::numeric::Int> {
    if vm.is_exact(v, Ty::Int) || vm.is_exact(v, Ty::Bool) {
        vm.int_of(v)
    } else {
        None
    }
}

/// The positions of items equal to `x`, by iterating (for non-int `x`), up to `limit`.
fn scan(vm: &mut Vm, range: Value, x: Value, limit: usize) -> PyResult<Vec<i64>> {
    let it = range_iter(vm, range)?;
    vm.temps.push(it);
    vm.temps.push(x);
    let mut found = Vec::new();
    let mut i = 0i64;
    let r = loop {
        let Some(ri) = vm.opaque::<RangeIter>(it) else {
            break Ok(());
        };
        let Some(v) = range_next(ri) else {
            break Ok(());
        };
        let v = match vm.new_i64(v) {
            Ok(v) => v,
            Err(e) => break Err(e),
        };
        match protocols::compare::eq(vm, v, x) {
            Ok(true) => {
                found.push(i);
                if found.len() >= limit {
                    break Ok(());
                }
            }
            Ok(false) => {}
            Err(e) => break Err(e),
        }
        i += 1;
    };
    vm.temps.truncate(vm.temps.len() - 2);
    r.map(|()| found)
}

/// `x in range`.
pub fn range_contains(vm: &mut Vm, range: Value, x: Value) -> PyResult<bool> {
    if let Some(i) = exact_int(vm, x) {
        return Ok(vm
            .opaque::<RangeData>(range)
            .and_then(|r| int_position(r, &i))
            .is_some());
    }
    Ok(!scan(vm, range, x, 1)?.is_empty())
}

fn range_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "count", 1, 1)?;
    let (r, x) = (args.pos[0], args.pos[1]);
    if let Some(i) = exact_int(vm, x) {
        let n = vm
            .opaque::<RangeData>(r)
            .and_then(|r| int_position(r, &i))
            .is_some();
        return vm.new_i64(n as i64);
    }
    let n = scan(vm, r, x, usize::MAX)?.len();
    vm.new_usize(n)
}

fn range_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "index", 1, 1)?;
    let (r, x) = (args.pos[0], args.pos[1]);
    if let Some(i) = exact_int(vm, x) {
        return match vm.opaque::<RangeData>(r).and_then(|r| int_position(r, &i)) {
            Some(p) => vm.new_i64(p),
            None => Err(vm.value_error("range.index(x): x not in range")),
        };
    }
    match scan(vm, r, x, 1)?.first() {
        Some(&p) => vm.new_i64(p),
        None => Err(vm.value_error("sequence.index(x): x not in sequence")),
    }
}

/// `range == range`: the same sequence of values.
pub fn range_eq(vm: &Vm, a: Value, b: Value) -> Option<bool> {
    let (x, y) = (vm.opaque::<RangeData>(a)?, vm.opaque::<RangeData>(b)?);
    let n = x.len();
    Some(n == y.len() && (n == 0 || (x.start == y.start && (n == 1 || x.step == y.step))))
}

/// `hash(range)`: the hash of `(len, start, step)` with the parts that do not matter as None.
pub fn range_hash(vm: &mut Vm, v: Value) -> PyResult<Option<i64>> {
    let Some((n, start, step)) = vm
        .opaque::<RangeData>(v)
        .map(|r| (r.len(), r.start, r.step))
    else {
        return Ok(None);
    };
    let parts = [
        vm.new_i64(n)?,
        if n == 0 {
            Value::NONE
        } else {
            vm.new_i64(start)?
        },
        if n <= 1 {
            Value::NONE
        } else {
            vm.new_i64(step)?
        },
    ];
    protocols::tuple_hash(vm, &parts).map(Some)
}

fn range_dunder_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__contains__", 1, 1)?;
    Ok(Value::from_bool(range_contains(
        vm,
        args.pos[0],
        args.pos[1],
    )?))
}

fn range_dunder_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__len__", 0, 0)?;
    let n = range_len(vm, args.pos[0])?;
    vm.new_usize(n)
}

fn range_dunder_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__iter__", 0, 0)?;
    range_iter(vm, args.pos[0])
}

fn range_dunder_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__getitem__", 1, 1)?;
    range_getitem(vm, args.pos[0], args.pos[1])
}

pub const METHODS: &[NativeMethod] = &[
    sm("__new__", range_new, ""),
    super::m("count", range_count, "($self, value, /)"),
    super::m("index", range_index, "($self, value, /)"),
    super::m("__contains__", range_dunder_contains, "($self, key, /)"),
    super::m("__len__", range_dunder_len, "($self, /)"),
    super::m("__iter__", range_dunder_iter, "($self, /)"),
    super::m("__getitem__", range_dunder_getitem, "($self, key, /)"),
];

pub const GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    ("start", get_start, None),
    ("stop", get_stop, None),
    ("step", get_step, None),
];
