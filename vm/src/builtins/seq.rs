//! The builtins over iterables (Python/bltinmodule.c `builtin_sorted`, `min_max`, `builtin_sum`)
//! and `list.sort`'s stable merge sort with fallible comparisons (Objects/listobject.c).

use protopy_objects::Value;

use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};
use crate::types::Args;

/// `a < b` as a bool.
fn less(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Ok(x < y);
    }
    let r = protocols::compare::rich_compare(vm, a, b, 0)?;
    protocols::truth(vm, r)
}

/// Sorts `items` by `keys` (same length), stably; `reverse` keeps equal items in order.
pub fn sort_values(
    vm: &mut Vm,
    items: &mut Vec<Value>,
    key: Option<Value>,
    reverse: bool,
) -> PyResult<()> {
    let mark = vm.temps.len();
    vm.temps.extend_from_slice(items);
    let keys = match key {
        Some(k) if !k.is_none() => {
            let mut ks = Vec::with_capacity(items.len());
            for &v in items.iter() {
                let kv = protocols::call::call(vm, k, Args::new(vec![v]));
                let kv = match kv {
                    Ok(kv) => kv,
                    Err(e) => {
                        vm.temps.truncate(mark);
                        return Err(e);
                    }
                };
                vm.temps.push(kv);
                ks.push(kv);
            }
            ks
        }
        _ => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    if reverse {
        idx.reverse();
    }
    let r = merge_sort(vm, &mut idx, &keys);
    vm.temps.truncate(mark);
    r?;
    if reverse {
        idx.reverse();
    }
    let sorted: Vec<Value> = idx.iter().map(|&i| items[i]).collect();
    *items = sorted;
    Ok(())
}

/// Timsort's run structure (Objects/listobject.c, `listsort.txt`) without galloping, so the
/// comparisons come in CPython's order: `ISLT(later, earlier)`, a run found first.
fn merge_sort(vm: &mut Vm, idx: &mut [usize], keys: &[Value]) -> PyResult<()> {
    let n = idx.len();
    if n <= 1 {
        return Ok(());
    }
    let minrun = merge_compute_minrun(n);
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut lo = 0;
    while lo < n {
        let mut len = count_run(vm, &mut idx[lo..], keys)?;
        if len < minrun {
            let force = minrun.min(n - lo);
            binary_sort(vm, &mut idx[lo..lo + force], len, keys)?;
            len = force;
        }
        runs.push((lo, len));
        lo += len;
    }
    while runs.len() > 1 {
        let mut merged = Vec::with_capacity(runs.len().div_ceil(2));
        for pair in runs.chunks(2) {
            match *pair {
                [(a, la), (_, lb)] => {
                    merge(vm, &mut idx[a..a + la + lb], la, keys)?;
                    merged.push((a, la + lb));
                }
                [r] => merged.push(r),
                _ => {}
            }
        }
        runs = merged;
    }
    Ok(())
}

fn merge_compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// The length of the run at the start of `idx`; a strictly descending run is reversed.
fn count_run(vm: &mut Vm, idx: &mut [usize], keys: &[Value]) -> PyResult<usize> {
    if idx.len() == 1 {
        return Ok(1);
    }
    let mut n = 2;
    if less(vm, keys[idx[1]], keys[idx[0]])? {
        while n < idx.len() && less(vm, keys[idx[n]], keys[idx[n - 1]])? {
            n += 1;
        }
        idx[..n].reverse();
    } else {
        while n < idx.len() && !less(vm, keys[idx[n]], keys[idx[n - 1]])? {
            n += 1;
        }
    }
    Ok(n)
}

/// Binary insertion of `idx[start..]` into the sorted prefix `idx[..start]`.
fn binary_sort(vm: &mut Vm, idx: &mut [usize], start: usize, keys: &[Value]) -> PyResult<()> {
    for i in start.max(1)..idx.len() {
        let pivot = idx[i];
        let (mut l, mut r) = (0, i);
        while l < r {
            let mid = l + (r - l) / 2;
            if less(vm, keys[pivot], keys[idx[mid]])? {
                r = mid;
            } else {
                l = mid + 1;
            }
        }
        idx.copy_within(l..i, l + 1);
        idx[l] = pivot;
    }
    Ok(())
}

/// Merges the sorted runs `idx[..mid]` and `idx[mid..]`, stably.
fn merge(vm: &mut Vm, idx: &mut [usize], mid: usize, keys: &[Value]) -> PyResult<()> {
    let (left, right) = (idx[..mid].to_vec(), idx[mid..].to_vec());
    let (mut i, mut j, mut k) = (0, 0, 0);
    while i < left.len() && j < right.len() {
        match less(vm, keys[right[j]], keys[left[i]]) {
            Ok(true) => {
                idx[k] = right[j];
                j += 1;
            }
            Ok(false) => {
                idx[k] = left[i];
                i += 1;
            }
            Err(e) => {
                // Leave every index in place once, as the list must keep its items.
                for &v in left[i..].iter().chain(&right[j..]) {
                    idx[k] = v;
                    k += 1;
                }
                return Err(e);
            }
        }
        k += 1;
    }
    for &v in left[i..].iter().chain(&right[j..]) {
        idx[k] = v;
        k += 1;
    }
    Ok(())
}

/// `sorted(iterable, /, *, key=None, reverse=False)`.
pub fn sorted(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let key = args.take_kw(vm, "key");
    let reverse = match args.take_kw(vm, "reverse") {
        Some(r) => protocols::truth(vm, r)?,
        None => false,
    };
    args.check(vm, "sorted", 1, 1)?;
    let mut items = protocols::iter::collect(vm, args.pos[0])?;
    sort_values(vm, &mut items, key, reverse)?;
    vm.new_list(items)
}

fn min_max(vm: &mut Vm, mut args: Args, name: &str, want_less: bool) -> PyResult<Value> {
    let key = args.take_kw(vm, "key").filter(|k| !k.is_none());
    let default = args.take_kw(vm, "default");
    if let Some(&(k, _)) = args.kw.first() {
        let k = vm.rust_str(k).unwrap_or_default();
        return Err(vm.type_error(&format!(
            "{name}() got an unexpected keyword argument '{k}'"
        )));
    }
    // One iterable is consumed as it is compared, as CPython's `min_max` does (the order of
    // side effects of iteration, keys and comparisons is CPython's, and nothing is copied).
    let (iter, list) = match args.pos.len() {
        0 => return Err(vm.type_error(&format!("{name} expected at least 1 argument, got 0"))),
        1 => (
            Some(protocols::iter::get_iter(vm, args.pos[0])?),
            Vec::new(),
        ),
        _ if default.is_some() => {
            return Err(vm.type_error(&format!(
                "Cannot specify a default for {name}() with multiple positional arguments"
            )))
        }
        _ => (None, args.pos.clone()),
    };
    // Rooted: the iterator (or the arguments), then the best item and its key at `slot`.
    let mark = vm.temps.len();
    vm.temps.push(iter.unwrap_or(Value::NONE));
    vm.temps.extend_from_slice(&list);
    let slot = vm.temps.len();
    vm.temps.extend([Value::NONE, Value::NONE]);
    let mut at = 0;
    let mut next = |vm: &mut Vm| -> PyResult<Option<Value>> {
        match iter {
            Some(it) => protocols::iter::next(vm, it),
            None => {
                at += 1;
                Ok(list.get(at - 1).copied())
            }
        }
    };
    let r = (|| {
        let Some(first) = next(vm)? else {
            return match default {
                Some(d) => Ok(d),
                None => Err(vm.value_error(&format!("{name}() iterable argument is empty"))),
            };
        };
        vm.temps[slot] = first;
        let mut best = first;
        let mut best_key = match key {
            Some(k) => protocols::call::call(vm, k, Args::new(vec![best]))?,
            None => best,
        };
        vm.temps[slot + 1] = best_key;
        let op = if want_less { 0 } else { 4 };
        while let Some(v) = next(vm)? {
            vm.temps.push(v);
            let kv = match key {
                Some(k) => protocols::call::call(vm, k, Args::new(vec![v]))?,
                None => v,
            };
            vm.temps.push(kv);
            let r = protocols::compare::rich_compare(vm, kv, best_key, op)?;
            let better = protocols::truth(vm, r)?;
            vm.temps.truncate(slot + 2);
            if better {
                best = v;
                best_key = kv;
                vm.temps[slot] = best;
                vm.temps[slot + 1] = best_key;
            }
        }
        Ok(best)
    })();
    vm.temps.truncate(mark);
    r
}

/// `min(iterable, *[, key, default])`, `min(a, b, *args[, key])`.
pub fn min(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "min", true)
}

/// `max(...)`.
pub fn max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "max", false)
}

/// `sum(iterable, /, start=0)`.
pub fn sum(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let start = args.take_kw(vm, "start");
    args.check(vm, "sum", 1, 2)?;
    let mut acc = start.or(args.get(1)).unwrap_or(Value::from_bool(false));
    if acc.as_bool().is_some() {
        acc = Value::from_i64(0).unwrap_or(acc);
    }
    if vm.str_data(acc).is_some() {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    for (ty, what) in [(Ty::Bytes, "bytes"), (Ty::ByteArray, "bytearray")] {
        if vm.is_instance_ty(acc, ty) {
            return Err(vm.type_error(&format!(
                "sum() can't sum {what} [use b''.join(seq) instead]"
            )));
        }
    }
    // Streamed, as CPython's `builtin_sum_impl`: the iterator and the running total are rooted
    // in `temps` (the total at `mark + 1`), never a copy of all the items.
    let iter = protocols::iter::get_iter(vm, args.pos[0])?;
    let mark = vm.temps.len();
    vm.temps.extend([iter, acc]);
    let r = sum_loop(vm, iter, acc, mark + 1);
    vm.temps.truncate(mark);
    r
}

/// The body of `sum`: small ints are added in an `i128` (no int object per step, where
/// CPython uses a C long), floats and complex numbers by [`super::numeric::FastSum`], anything
/// else by `+`.
fn sum_loop(vm: &mut Vm, iter: Value, mut acc: Value, slot: usize) -> PyResult<Value> {
    let mut fast = super::numeric::FastSum::default();
    let mut ints: Option<i128> = None;
    while let Some(v) = protocols::iter::next(vm, iter)? {
        if let Some(b) = v.as_small_int() {
            match (ints, acc.as_small_int()) {
                (Some(t), _) => {
                    ints = Some(t + i128::from(b));
                    continue;
                }
                (None, Some(a)) => {
                    ints = Some(i128::from(a) + i128::from(b));
                    continue;
                }
                _ => {}
            }
        }
        if let Some(t) = ints.take() {
            acc = vm.new_int(crate::numeric::Int::from_bigint(t.into()))?;
            vm.temps[slot] = acc;
        }
        if fast.take(vm, acc, v) {
            continue;
        }
        if let Some(a) = fast.flush(vm)? {
            acc = a;
            vm.temps[slot] = acc;
        }
        vm.temps.push(v);
        let r = protocols::number::binary_op(vm, acc, v, 0);
        vm.temps.pop();
        acc = r?;
        vm.temps[slot] = acc;
    }
    if let Some(t) = ints {
        acc = vm.new_int(crate::numeric::Int::from_bigint(t.into()))?;
    }
    if let Some(a) = fast.flush(vm)? {
        acc = a;
    }
    Ok(acc)
}
