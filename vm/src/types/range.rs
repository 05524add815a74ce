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
        return Err(not_yet(vm, "slicing"));
    }
    let mut i = as_index(vm, key)?;
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

pub const METHODS: &[NativeMethod] = &[sm("__new__", range_new, "")];

pub const GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    ("start", get_start, None),
    ("stop", get_stop, None),
    ("step", get_step, None),
];
