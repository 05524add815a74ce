//! `slice` objects (CPython's Objects/sliceobject.c): construction, `indices()`, repr, equality
//! and hash, and the shared index resolution every sequence uses (`PySlice_Unpack` followed by
//! `PySlice_AdjustIndices`).

use num_bigint::BigInt;
use num_traits::{Signed, Zero};
use protopy_objects::Value;

use super::{m, sm, Args, Getter, NativeMethod, Setter};
use crate::numeric::Int;
use crate::protocols;
use crate::runtime::Ty;
use crate::text::SliceIndices;
use crate::thread::{PyResult, Vm};

/// A slice object: its three (possibly None) fields.
pub struct SliceData {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

impl protopy_objects::Trace for SliceData {
    fn trace(&self, t: &mut protopy_objects::Tracer) {
        t.visit(self.start);
        t.visit(self.stop);
        t.visit(self.step);
    }
}

/// A new `slice(start, stop, step)`.
pub fn new_slice(vm: &mut Vm, start: Value, stop: Value, step: Value) -> PyResult<Value> {
    vm.new_opaque(Ty::Slice, SliceData { start, stop, step })
}

/// The three fields of a slice value, if it is one.
pub fn fields(vm: &Vm, v: Value) -> Option<(Value, Value, Value)> {
    vm.opaque::<SliceData>(v).map(|s| (s.start, s.stop, s.step))
}

/// `_PyEval_SliceIndex`: a bound as a machine-sized index, big ints clamped.
fn slice_index(vm: &mut Vm, v: Value) -> PyResult<isize> {
    let is_index = vm.int_of(v).is_some() || {
        let n = vm.intern("__index__")?;
        protocols::attr::lookup_type_attr(vm, vm.type_of(v), n).is_some()
    };
    if !is_index {
        return Err(
            vm.type_error("slice indices must be integers or None or have an __index__ method")
        );
    }
    Ok(match protocols::number::index(vm, v)? {
        Int::Small(n) => n.clamp(isize::MIN as i64, isize::MAX as i64) as isize,
        Int::Big(b) => {
            if b.is_negative() {
                isize::MIN
            } else {
                isize::MAX
            }
        }
    })
}

/// Resolves `slice` against a sequence of `len` items (CPython's `PySlice_GetIndicesEx`).
pub fn indices_for(vm: &mut Vm, slice: Value, len: usize) -> PyResult<SliceIndices> {
    let Some((start, stop, step)) = fields(vm, slice) else {
        return Err(vm.type_error("expected a slice"));
    };
    let step = if step.is_none() {
        None
    } else {
        let s = slice_index(vm, step)?;
        if s == 0 {
            return Err(vm.value_error("slice step cannot be zero"));
        }
        Some(s)
    };
    let start = if start.is_none() {
        None
    } else {
        Some(slice_index(vm, start)?)
    };
    let stop = if stop.is_none() {
        None
    } else {
        Some(slice_index(vm, stop)?)
    };
    SliceIndices::new(len, start, stop, step)
        .map_err(|_| vm.value_error("slice step cannot be zero"))
}

/// The positions a resolved slice selects, in order.
pub fn positions(ix: &SliceIndices) -> impl Iterator<Item = usize> {
    let (start, step) = (ix.start, ix.step);
    (0..ix.len).map(move |k| (start + k as isize * step) as usize)
}

/// `items[ix]` for a resolved slice.
pub fn select<T: Copy>(ix: &SliceIndices, items: &[T]) -> Vec<T> {
    positions(ix)
        .filter_map(|i| items.get(i).copied())
        .collect()
}

/// `items[slice]` for a slice value.
pub fn slice_items(vm: &mut Vm, slice: Value, items: &[Value]) -> PyResult<Vec<Value>> {
    let ix = indices_for(vm, slice, items.len())?;
    Ok(select(&ix, items))
}

/// `slice(stop)`, `slice(start, stop[, step])`.
fn slice_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error("slice() takes no keyword arguments"));
    }
    let a = &args.pos[1.min(args.pos.len())..];
    let (start, stop, step) = match a.len() {
        1 => (Value::NONE, a[0], Value::NONE),
        2 => (a[0], a[1], Value::NONE),
        3 => (a[0], a[1], a[2]),
        0 => return Err(vm.type_error("slice expected at least 1 argument, got 0")),
        n => return Err(vm.type_error(&format!("slice expected at most 3 arguments, got {n}"))),
    };
    new_slice(vm, start, stop, step)
}

fn slice_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::NONE)
}

/// A bound of `slice.indices` as an exact int.
fn big_index(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    if vm.int_of(v).is_none() {
        let n = vm.intern("__index__")?;
        if protocols::attr::lookup_type_attr(vm, vm.type_of(v), n).is_none() {
            return Err(
                vm.type_error("slice indices must be integers or None or have an __index__ method")
            );
        }
    }
    Ok(match protocols::number::index(vm, v)? {
        Int::Small(n) => BigInt::from(n),
        Int::Big(b) => b,
    })
}

/// The `(start, stop, step)` a slice selects from `len` items, as exact ints
/// (`_PySlice_GetLongIndices`).
pub fn big_indices(vm: &mut Vm, slice: Value, len: &BigInt) -> PyResult<(BigInt, BigInt, BigInt)> {
    let Some((start, stop, step)) = fields(vm, slice) else {
        return Err(vm.type_error("expected a slice"));
    };
    let step = if step.is_none() {
        BigInt::from(1)
    } else {
        big_index(vm, step)?
    };
    if step.is_zero() {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let back = step.is_negative();
    let (lower, upper) = if back {
        (BigInt::from(-1), len - 1)
    } else {
        (BigInt::zero(), len.clone())
    };
    let bound = |vm: &mut Vm, v: Value, default: &BigInt| -> PyResult<BigInt> {
        if v.is_none() {
            return Ok(default.clone());
        }
        let mut x = big_index(vm, v)?;
        if x.is_negative() {
            x += len;
            if x < lower {
                x = lower.clone();
            }
        } else if x > upper {
            x = upper.clone();
        }
        Ok(x)
    };
    let (d_start, d_stop) = if back {
        (upper.clone(), lower.clone())
    } else {
        (lower.clone(), upper.clone())
    };
    let start = bound(vm, start, &d_start)?;
    let stop = bound(vm, stop, &d_stop)?;
    Ok((start, stop, step))
}

/// `slice.indices(length)`: https://docs.python.org/3/reference/datamodel.html#slice.indices
fn slice_indices(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "indices", 1, 1)?;
    let len = match protocols::number::index(vm, args.pos[1])? {
        Int::Small(n) => BigInt::from(n),
        Int::Big(b) => b,
    };
    if len.is_negative() {
        return Err(vm.value_error("length should not be negative"));
    }
    let (start, stop, step) = big_indices(vm, args.pos[0], &len)?;
    let items = [start, stop, step]
        .into_iter()
        .map(|b| vm.new_int(Int::from_bigint(b)))
        .collect::<PyResult<Vec<_>>>()?;
    vm.new_tuple(items)
}

/// The repr of a slice: `slice(start, stop, step)`.
pub fn slice_repr(vm: &mut Vm, v: Value) -> PyResult<Option<String>> {
    let Some((a, b, c)) = fields(vm, v) else {
        return Ok(None);
    };
    let mark = vm.temps.len();
    vm.temps.extend_from_slice(&[a, b, c]);
    let r = (|| {
        let a = protocols::repr::repr(vm, a)?;
        let b = protocols::repr::repr(vm, b)?;
        let c = protocols::repr::repr(vm, c)?;
        Ok(Some(format!("slice({a}, {b}, {c})")))
    })();
    vm.temps.truncate(mark);
    r
}

/// `hash(slice)`: the three fields' hashes combined as `tuplehash` combines items, without the
/// length term (CPython's `slice_hash`).
pub fn slice_hash(vm: &mut Vm, v: Value) -> PyResult<Option<i64>> {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let Some((a, b, c)) = fields(vm, v) else {
        return Ok(None);
    };
    let mut acc: u64 = P5;
    for x in [a, b, c] {
        let lane = protocols::hash(vm, x)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    if acc == u64::MAX {
        return Ok(Some(1546275796));
    }
    Ok(Some(acc as i64))
}

fn get_start(vm: &mut Vm, s: Value) -> PyResult<Value> {
    Ok(fields(vm, s).map(|f| f.0).unwrap_or(Value::NONE))
}
fn get_stop(vm: &mut Vm, s: Value) -> PyResult<Value> {
    Ok(fields(vm, s).map(|f| f.1).unwrap_or(Value::NONE))
}
fn get_step(vm: &mut Vm, s: Value) -> PyResult<Value> {
    Ok(fields(vm, s).map(|f| f.2).unwrap_or(Value::NONE))
}

pub const METHODS: &[NativeMethod] = &[
    sm("__new__", slice_new, ""),
    m("__init__", slice_init, ""),
    m("indices", slice_indices, "($self, length, /)"),
];

pub const GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    ("start", get_start, None),
    ("stop", get_stop, None),
    ("step", get_step, None),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn pick(len: usize, start: Option<isize>, stop: Option<isize>, step: Option<isize>) -> Vec<u8> {
        let items: Vec<u8> = (0..len as u8).collect();
        match SliceIndices::new(len, start, stop, step) {
            Ok(ix) => select(&ix, &items),
            Err(_) => Vec::new(),
        }
    }

    #[test]
    fn select_follows_python_slicing() {
        assert_eq!(pick(7, None, None, None), vec![0, 1, 2, 3, 4, 5, 6]);
        assert_eq!(pick(7, None, None, Some(-1)), vec![6, 5, 4, 3, 2, 1, 0]);
        assert_eq!(pick(7, Some(10), Some(0), Some(-2)), vec![6, 4, 2]);
        assert_eq!(pick(7, Some(-3), None, None), vec![4, 5, 6]);
        assert_eq!(pick(7, Some(2), Some(100), Some(3)), vec![2, 5]);
        assert_eq!(pick(7, Some(5), Some(1), None), Vec::<u8>::new());
        assert_eq!(pick(0, None, None, Some(-3)), Vec::<u8>::new());
        assert_eq!(
            pick(4, Some(isize::MIN), Some(isize::MAX), Some(isize::MIN)),
            Vec::<u8>::new()
        );
    }
}
