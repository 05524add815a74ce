//! Resolving `slice` objects and slice bounds against a length, for the sequences that index
//! natively (CPython's Objects/sliceobject.c `PySlice_Unpack`/`PySlice_AdjustIndices` and
//! Python/ceval.c `_PyEval_SliceIndex`).

use protopy_objects::Value;

use crate::numeric::Int;
use crate::protocols;
use crate::text::SliceIndices;
use crate::thread::{PyResult, Vm};

/// A slice bound or a `start`/`end` argument: None stays None; an int (or `__index__`) is
/// clamped to `isize` as `_PyEval_SliceIndex` does.
pub fn slice_index(vm: &mut Vm, v: Value) -> PyResult<Option<isize>> {
    if v.is_none() {
        return Ok(None);
    }
    let i = match vm.int_of(v) {
        Some(i) => i,
        None => match protocols::call::call_special(vm, v, "__index__", vec![])? {
            Some(r) => match vm.int_of(r) {
                Some(i) => i,
                None => {
                    let t = vm.type_name(r);
                    return Err(vm.type_error(&format!("__index__ returned non-int (type {t})")));
                }
            },
            None => {
                return Err(vm.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                ))
            }
        },
    };
    Ok(Some(clamp(&i)))
}

fn clamp(i: &Int) -> isize {
    match i {
        Int::Small(n) => (*n).clamp(isize::MIN as i64, isize::MAX as i64) as isize,
        Int::Big(b) => {
            if b.sign() == num_bigint::Sign::Minus {
                isize::MIN
            } else {
                isize::MAX
            }
        }
    }
}

/// Optional `start`/`end` argument `i` of a method (absent or None: None).
pub fn opt_bound(vm: &mut Vm, arg: Option<Value>) -> PyResult<Option<isize>> {
    match arg {
        None => Ok(None),
        Some(v) => slice_index(vm, v),
    }
}

/// Whether `v` is a `slice`.
pub fn is_slice(vm: &Vm, v: Value) -> bool {
    vm.is_instance_ty(v, crate::runtime::Ty::Slice)
}

/// `slice.indices(len)` resolved: start, stop, step and the number of items.
pub fn indices(vm: &mut Vm, slice: Value, len: usize) -> PyResult<SliceIndices> {
    let mut parts = [None; 3];
    for (i, name) in ["start", "stop", "step"].into_iter().enumerate() {
        let v = protocols::attr::getattr_str(vm, slice, name)?;
        parts[i] = slice_index(vm, v)?;
    }
    SliceIndices::new(len, parts[0], parts[1], parts[2]).map_err(|e| vm.value_error(&e.message()))
}

/// The positions a resolved slice selects, in order.
pub fn positions(s: SliceIndices) -> impl Iterator<Item = usize> {
    (0..s.len).map(move |k| (s.start + k as isize * s.step) as usize)
}

/// `seq[i]`'s position for an integer key, with `IndexError(msg)` past the end.
pub fn item_index(vm: &mut Vm, key: Value, len: usize, msg: &str) -> PyResult<usize> {
    let i = match protocols::number::index(vm, key)? {
        Int::Small(n) => n,
        Int::Big(_) => {
            let t = vm.type_name(key);
            return Err(vm.index_error(&format!("cannot fit '{t}' into an index-sized integer")));
        }
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.index_error(msg));
    }
    Ok(j as usize)
}

/// Whether `key` can index a sequence (an int or has `__index__`).
pub fn is_index(vm: &mut Vm, key: Value) -> PyResult<bool> {
    if vm.int_of(key).is_some() {
        return Ok(true);
    }
    let n = vm.intern("__index__")?;
    let ty = vm.type_of(key);
    Ok(crate::types::typeobj::lookup(vm, ty, n).is_some())
}
