//! `range` (CPython's Objects/rangeobject.c): bounds of any size, with a machine-sized
//! iterator when every value fits (`range_iterator`) and an exact one otherwise
//! (`longrange_iterator`).

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};
use protopy_objects::ObjectMutex as Mutex;
use protopy_objects::{Trace, Tracer, Value};

use super::{sm, Args, Getter, NativeMethod, Setter};
use crate::numeric::Int;
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// A `range` object: its bounds and length as exact ints.
pub struct RangeData {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
    pub len: BigInt,
}

impl Trace for RangeData {
    fn trace(&self, _t: &mut Tracer) {}
}

impl RangeData {
    pub fn new(start: BigInt, stop: BigInt, step: BigInt) -> RangeData {
        let one = BigInt::one();
        let len = if step.is_positive() && start < stop {
            (&stop - &start - &one) / &step + &one
        } else if step.is_negative() && start > stop {
            (&start - &stop - &one) / (-&step) + &one
        } else {
            BigInt::zero()
        };
        RangeData {
            start,
            stop,
            step,
            len,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len.is_zero()
    }

    /// The value at position `i` (not bounds-checked).
    pub fn item(&self, i: &BigInt) -> BigInt {
        &self.start + i * &self.step
    }

    /// The position of `x` in the range, if it is there.
    fn position(&self, x: &BigInt) -> Option<BigInt> {
        let off = x - &self.start;
        if !(&off % &self.step).is_zero() {
            return None;
        }
        let i = off / &self.step;
        (!i.is_negative() && i < self.len).then_some(i)
    }
}

/// The iterator of a range whose values fit in `i64`: the next value and how many remain.
pub struct RangeIter {
    pub state: Mutex<(i64, i64)>,
    pub step: i64,
}

impl Trace for RangeIter {
    fn trace(&self, _t: &mut Tracer) {}
}

/// The iterator of a range with values beyond `i64` (`longrange_iterator`).
pub struct LongRangeIter {
    pub state: Mutex<(BigInt, BigInt)>,
    pub step: BigInt,
}

impl Trace for LongRangeIter {
    fn trace(&self, _t: &mut Tracer) {}
}

fn to_big(i: Int) -> BigInt {
    match i {
        Int::Small(n) => BigInt::from(n),
        Int::Big(b) => b,
    }
}

fn as_index(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    protocols::number::index(vm, v).map(to_big)
}

/// `range(stop)`, `range(start, stop[, step])`.
fn range_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error("range() takes no keyword arguments"));
    }
    let a = &args.pos[1.min(args.pos.len())..];
    let (start, stop, step) = match a.len() {
        1 => (BigInt::zero(), as_index(vm, a[0])?, BigInt::one()),
        2 => (as_index(vm, a[0])?, as_index(vm, a[1])?, BigInt::one()),
        3 => (
            as_index(vm, a[0])?,
            as_index(vm, a[1])?,
            as_index(vm, a[2])?,
        ),
        0 => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        n => return Err(vm.type_error(&format!("range expected at most 3 arguments, got {n}"))),
    };
    if step.is_zero() {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    vm.new_opaque(Ty::Range, RangeData::new(start, stop, step))
}

/// An iterator from `first` by `step`, `len` values.
fn iter_from(vm: &mut Vm, first: BigInt, step: BigInt, len: BigInt) -> PyResult<Value> {
    let before_last: BigInt = (&len - 1i32).max(BigInt::zero());
    let last = &first + before_last * &step;
    if let (Some(f), Some(s), Some(n), Some(_)) =
        (first.to_i64(), step.to_i64(), len.to_i64(), last.to_i64())
    {
        let it = RangeIter {
            state: Mutex::new((f, n)),
            step: s,
        };
        return vm.new_opaque(Ty::RangeIterator, it);
    }
    let it = LongRangeIter {
        state: Mutex::new((first, len)),
        step,
    };
    vm.new_opaque(Ty::LongRangeIterator, it)
}

fn data(vm: &mut Vm, range: Value) -> PyResult<&RangeData> {
    if vm.opaque::<RangeData>(range).is_none() {
        let t = vm.type_name(range);
        return Err(vm.type_error(&format!(
            "descriptor requires a 'range' object but received a '{t}'"
        )));
    }
    vm.opaque::<RangeData>(range)
        .ok_or(crate::thread::PyErr { exc: Value::NONE })
}

/// `iter(range)`.
pub fn range_iter(vm: &mut Vm, range: Value) -> PyResult<Value> {
    let r = data(vm, range)?;
    let (first, step, len) = (r.start.clone(), r.step.clone(), r.len.clone());
    iter_from(vm, first, step, len)
}

/// `reversed(range)`: an iterator from the last value down.
pub fn range_reversed(vm: &mut Vm, range: Value) -> PyResult<Value> {
    let r = data(vm, range)?;
    let last = r.item(&(&r.len - 1i32));
    let (step, len) = (-&r.step, r.len.clone());
    iter_from(vm, last, step, len)
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

/// `next()` of a range iterator of either kind: None when `iter` is not one, `Some(None)`
/// when exhausted.
pub fn next_value(vm: &mut Vm, iter: Value) -> PyResult<Option<Option<Value>>> {
    if let Some(ri) = vm.opaque::<RangeIter>(iter) {
        return match range_next(ri) {
            Some(n) => vm.new_i64(n).map(|v| Some(Some(v))),
            None => Ok(Some(None)),
        };
    }
    let Some(li) = vm.opaque::<LongRangeIter>(iter) else {
        return Ok(None);
    };
    let v = {
        let mut s = li.state.lock();
        if !s.1.is_positive() {
            None
        } else {
            let v = s.0.clone();
            s.0 += &li.step;
            s.1 -= 1;
            Some(v)
        }
    };
    match v {
        Some(v) => vm.new_int(Int::from_bigint(v)).map(|v| Some(Some(v))),
        None => Ok(Some(None)),
    }
}

/// How many values a range iterator has left; None for other values.
pub fn iter_left(vm: &Vm, iter: Value) -> Option<BigInt> {
    if let Some(ri) = vm.opaque::<RangeIter>(iter) {
        return Some(BigInt::from(ri.state.lock().1.max(0)));
    }
    vm.opaque::<LongRangeIter>(iter)
        .map(|li| li.state.lock().1.clone().max(BigInt::zero()))
}

/// The repr of a range.
pub fn range_repr(vm: &Vm, range: Value) -> Option<String> {
    let r = vm.opaque::<RangeData>(range)?;
    Some(if r.step.is_one() {
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
    data(vm, range)?;
    if is_slice(vm, key) {
        let len = data(vm, range)?.len.clone();
        let (i, j, k) = super::slice::big_indices(vm, key, &len)?;
        let r = data(vm, range)?;
        let new = RangeData::new(r.item(&i), r.item(&j), &r.step * k);
        return vm.new_opaque(Ty::Range, new);
    }
    let i = match protocols::number::index(vm, key) {
        Ok(i) => to_big(i),
        Err(e) if vm.err_is(&e, Ty::TypeError) => {
            let t = vm.type_name(key);
            return Err(vm.type_error(&format!(
                "range indices must be integers or slices, not {t}"
            )));
        }
        Err(e) => return Err(e),
    };
    let r = data(vm, range)?;
    let i = if i.is_negative() { i + &r.len } else { i };
    if i.is_negative() || i >= r.len {
        return Err(vm.index_error("range object index out of range"));
    }
    let v = r.item(&i);
    vm.new_int(Int::from_bigint(v))
}

/// `len(range)`.
pub fn range_len(vm: &mut Vm, range: Value) -> PyResult<usize> {
    match data(vm, range)?.len.to_isize() {
        Some(n) => Ok(n as usize),
        None => Err(vm.new_error(
            Ty::OverflowError,
            "Python int too large to convert to C ssize_t",
        )),
    }
}

fn get_start(vm: &mut Vm, r: Value) -> PyResult<Value> {
    let v = data(vm, r)?.start.clone();
    vm.new_int(Int::from_bigint(v))
}
fn get_stop(vm: &mut Vm, r: Value) -> PyResult<Value> {
    let v = data(vm, r)?.stop.clone();
    vm.new_int(Int::from_bigint(v))
}
fn get_step(vm: &mut Vm, r: Value) -> PyResult<Value> {
    let v = data(vm, r)?.step.clone();
    vm.new_int(Int::from_bigint(v))
}

/// Whether `v` is an exact int or bool (the values `range` answers arithmetically).
fn exact_int(vm: &Vm, v: Value) -> Option<BigInt> {
    if vm.is_exact(v, Ty::Int) || vm.is_exact(v, Ty::Bool) {
        vm.int_of(v).map(to_big)
    } else {
        None
    }
}

/// The positions of items equal to `x`, by iterating (for non-int `x`), up to `limit`.
fn scan(vm: &mut Vm, range: Value, x: Value, limit: usize) -> PyResult<Vec<usize>> {
    let it = range_iter(vm, range)?;
    let mark = vm.temps.len();
    vm.temps.push(it);
    vm.temps.push(x);
    let mut found = Vec::new();
    let mut i = 0usize;
    let r = loop {
        let v = match next_value(vm, it) {
            Ok(Some(Some(v))) => v,
            Ok(_) => break Ok(()),
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
    vm.temps.truncate(mark);
    r.map(|()| found)
}

/// `x in range`.
pub fn range_contains(vm: &mut Vm, range: Value, x: Value) -> PyResult<bool> {
    if let Some(i) = exact_int(vm, x) {
        return Ok(data(vm, range)?.position(&i).is_some());
    }
    Ok(!scan(vm, range, x, 1)?.is_empty())
}

fn range_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "range.count", 1, 1)?;
    let (r, x) = (args.pos[0], args.pos[1]);
    if let Some(i) = exact_int(vm, x) {
        let n = data(vm, r)?.position(&i).is_some();
        return vm.new_i64(n as i64);
    }
    let n = scan(vm, r, x, usize::MAX)?.len();
    vm.new_usize(n)
}

fn range_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "range.index", 1, 1)?;
    let (r, x) = (args.pos[0], args.pos[1]);
    if let Some(i) = exact_int(vm, x) {
        return match data(vm, r)?.position(&i) {
            Some(p) => vm.new_int(Int::from_bigint(p)),
            None => Err(vm.value_error("range.index(x): x not in range")),
        };
    }
    match scan(vm, r, x, 1)?.first() {
        Some(&p) => vm.new_usize(p),
        None => Err(vm.value_error("sequence.index(x): x not in sequence")),
    }
}

/// `range == range`: the same sequence of values.
pub fn range_eq(vm: &Vm, a: Value, b: Value) -> Option<bool> {
    let (x, y) = (vm.opaque::<RangeData>(a)?, vm.opaque::<RangeData>(b)?);
    let n = &x.len;
    Some(*n == y.len && (n.is_zero() || (x.start == y.start && (n.is_one() || x.step == y.step))))
}

/// `hash(range)`: the hash of `(len, start, step)` with the parts that do not matter as None.
pub fn range_hash(vm: &mut Vm, v: Value) -> PyResult<Option<i64>> {
    let Some((n, start, step)) = vm
        .opaque::<RangeData>(v)
        .map(|r| (r.len.clone(), r.start.clone(), r.step.clone()))
    else {
        return Ok(None);
    };
    let parts = [
        vm.new_int(Int::from_bigint(n.clone()))?,
        if n.is_zero() {
            Value::NONE
        } else {
            vm.new_int(Int::from_bigint(start))?
        },
        if n <= BigInt::one() {
            Value::NONE
        } else {
            vm.new_int(Int::from_bigint(step))?
        },
    ];
    protocols::tuple_hash(vm, &parts).map(Some)
}

fn range_dunder_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "range.__contains__", 1, 1)?;
    Ok(Value::from_bool(range_contains(
        vm,
        args.pos[0],
        args.pos[1],
    )?))
}

fn range_dunder_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "range.__len__", 0, 0)?;
    let n = range_len(vm, args.pos[0])?;
    vm.new_usize(n)
}

fn range_dunder_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "range.__iter__", 0, 0)?;
    range_iter(vm, args.pos[0])
}

fn range_dunder_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "range.__getitem__", 1, 1)?;
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
