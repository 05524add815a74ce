//! `list`'s slice assignment and deletion and the methods that compare items or run Python
//! (CPython's Objects/listobject.c `list_ass_subscript`, `list.index`, `list.sort`, ...). The
//! list's lock is only held for reading or writing its vector, never while Python code runs.

use protopy_objects::Value;

use super::list::the_list;
use super::Args;
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// The items of a list value, copied.
fn snapshot(vm: &mut Vm, list: Value) -> PyResult<Vec<Value>> {
    Ok(the_list(vm, list)?.snapshot())
}

/// `iter(value)` for slice assignment: a non-iterable gets CPython's message.
fn assigned_items(vm: &mut Vm, list: Value, value: Value) -> PyResult<Vec<Value>> {
    if value == list {
        return snapshot(vm, list);
    }
    let it = protocols::iter::get_iter(vm, value).map_err(|e| {
        if vm.err_is(&e, Ty::TypeError) {
            vm.type_error("must assign iterable to extended slice")
        } else {
            e
        }
    })?;
    vm.temps.push(it);
    let r = protocols::iter::collect(vm, it);
    vm.temps.pop();
    r
}

/// `list[slice] = value` and `del list[slice]` (`value` NULL).
pub fn set_slice(vm: &mut Vm, list: Value, key: Value, value: Value) -> PyResult<()> {
    let items = if value.is_null() {
        Vec::new()
    } else {
        assigned_items(vm, list, value)?
    };
    let mark = vm.temps.len();
    vm.temps.extend_from_slice(&items);
    let n = the_list(vm, list)?.len();
    let ix = super::slice::indices_for(vm, key, n);
    vm.temps.truncate(mark);
    let ix = ix?;
    if ix.step != 1 && !value.is_null() && items.len() != ix.len {
        return Err(vm.value_error(&format!(
            "attempt to assign sequence of size {} to extended slice of size {}",
            items.len(),
            ix.len
        )));
    }
    let l = the_list(vm, list)?;
    let mut g = l.lock();
    let len = g.len();
    if ix.step == 1 {
        let start = (ix.start.max(0) as usize).min(len);
        let stop = (start + ix.len).min(len);
        g.splice(start..stop, items);
        return Ok(());
    }
    let mut pos: Vec<usize> = super::slice::positions(&ix).filter(|&p| p < len).collect();
    if value.is_null() {
        pos.sort_unstable();
        pos.dedup();
        for p in pos.into_iter().rev() {
            g.remove(p);
        }
    } else {
        for (p, v) in pos.into_iter().zip(items) {
            g[p] = v;
        }
    }
    Ok(())
}

/// The position of the first item equal to `x` in `items[start..stop]`.
pub fn find(
    vm: &mut Vm,
    items: &[Value],
    x: Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let mark = vm.temps.len();
    vm.temps.extend_from_slice(items);
    vm.temps.push(x);
    let mut found = Ok(None);
    for (i, &it) in items.iter().enumerate().take(stop).skip(start) {
        match protocols::compare::eq(vm, it, x) {
            Ok(true) => {
                found = Ok(Some(i));
                break;
            }
            Ok(false) => {}
            Err(e) => {
                found = Err(e);
                break;
            }
        }
    }
    vm.temps.truncate(mark);
    found
}

/// `list.clear()`.
pub fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "list.clear", 0, 0)?;
    let old = std::mem::take(&mut *the_list(vm, args.pos[0])?.lock());
    drop(old);
    Ok(Value::NONE)
}

/// `list.copy()`.
pub fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "list.copy", 0, 0)?;
    let items = snapshot(vm, args.pos[0])?;
    vm.new_list(items)
}

/// `list.count(value)`.
pub fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "list.count", 1, 1)?;
    let items = snapshot(vm, args.pos[0])?;
    let mark = vm.temps.len();
    vm.temps.extend_from_slice(&items);
    let mut n = 0usize;
    let mut err = None;
    for &it in &items {
        match protocols::compare::eq(vm, it, args.pos[1]) {
            Ok(true) => n += 1,
            Ok(false) => {}
            Err(e) => {
                err = Some(e);
                break;
            }
        }
    }
    vm.temps.truncate(mark);
    if let Some(e) = err {
        return Err(e);
    }
    vm.new_usize(n)
}

/// A `start`/`stop` argument of `index`: negative counts from the end, then clamped.
pub fn clamp_bound(vm: &mut Vm, v: Option<Value>, len: usize, default: usize) -> PyResult<usize> {
    let Some(v) = v else { return Ok(default) };
    let n = match protocols::number::index(vm, v).map_err(|e| {
        if vm.err_is(&e, Ty::TypeError) {
            vm.type_error("slice indices must be integers or have an __index__ method")
        } else {
            e
        }
    })? {
        crate::numeric::Int::Small(n) => n,
        crate::numeric::Int::Big(b) => {
            if b.sign() == num_bigint::Sign::Minus {
                i64::MIN
            } else {
                i64::MAX
            }
        }
    };
    Ok(if n < 0 {
        (n.saturating_add(len as i64)).max(0) as usize
    } else {
        (n as u64).min(len as u64) as usize
    })
}

/// `list.index(value, start=0, stop=sys.maxsize)`.
pub fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "index", 1, 3)?;
    let items = snapshot(vm, args.pos[0])?;
    let start = clamp_bound(vm, args.get(2), items.len(), 0)?;
    let stop = clamp_bound(vm, args.get(3), items.len(), items.len())?;
    match find(vm, &items, args.pos[1], start, stop)? {
        Some(i) => vm.new_usize(i),
        None => Err(vm.value_error("list.index(x): x not in list")),
    }
}

/// `list.remove(value)`.
pub fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "list.remove", 1, 1)?;
    let items = snapshot(vm, args.pos[0])?;
    let Some(i) = find(vm, &items, args.pos[1], 0, items.len())? else {
        return Err(vm.value_error("list.remove(x): x not in list"));
    };
    let l = the_list(vm, args.pos[0])?;
    let mut g = l.lock();
    // The list may have changed while `__eq__` ran: remove the same object if still there.
    if g.get(i) == Some(&items[i]) {
        g.remove(i);
    } else if let Some(j) = g.iter().position(|&v| v == items[i]) {
        g.remove(j);
    }
    Ok(Value::NONE)
}

/// `list.reverse()`.
pub fn reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "list.reverse", 0, 0)?;
    the_list(vm, args.pos[0])?.lock().reverse();
    Ok(Value::NONE)
}

/// `list.sort(*, key=None, reverse=False)`: the list is empty while it sorts; a list changed
/// meanwhile raises `ValueError` (the sorted items are kept).
pub fn sort(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let key = args.take_kw(vm, "key");
    let rev = args.take_kw(vm, "reverse");
    if args.pos.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    if let Some(&(k, _)) = args.kw.first() {
        let k = vm.rust_str(k).unwrap_or_default();
        return Err(vm.type_error(&format!("sort() got an unexpected keyword argument '{k}'")));
    }
    let reverse = match rev {
        Some(r) => protocols::truth(vm, r)?,
        None => false,
    };
    let list = args.pos[0];
    let mut items = std::mem::take(&mut *the_list(vm, list)?.lock());
    let mark = vm.temps.len();
    vm.temps.extend_from_slice(&items);
    let r = crate::builtins::seq::sort_values(vm, &mut items, key, reverse);
    vm.temps.truncate(mark);
    let l = the_list(vm, list)?;
    let modified = !l.lock().is_empty();
    *l.lock() = items;
    r?;
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(Value::NONE)
}

pub fn dunder_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "list.__len__", 0, 0)?;
    let n = the_list(vm, args.pos[0])?.len();
    vm.new_usize(n)
}

pub fn dunder_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "list.__getitem__", 1, 1)?;
    the_list(vm, args.pos[0])?;
    let items = snapshot(vm, args.pos[0])?;
    if super::range::is_slice(vm, args.pos[1]) {
        let out = super::slice::slice_items(vm, args.pos[1], &items)?;
        return vm.new_list(out);
    }
    let i = protocols::item::seq_index(vm, args.pos[1], items.len(), "list")?;
    Ok(items[i])
}

pub fn dunder_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "list.__setitem__", 2, 2)?;
    the_list(vm, args.pos[0])?;
    super::list::setitem(vm, args.pos[0], args.pos[1], args.pos[2])?;
    Ok(Value::NONE)
}

pub fn dunder_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "list.__delitem__", 1, 1)?;
    the_list(vm, args.pos[0])?;
    super::list::setitem(vm, args.pos[0], args.pos[1], Value::NULL)?;
    Ok(Value::NONE)
}

pub fn dunder_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "list.__contains__", 1, 1)?;
    let items = snapshot(vm, args.pos[0])?;
    let n = items.len();
    Ok(Value::from_bool(
        find(vm, &items, args.pos[1], 0, n)?.is_some(),
    ))
}

pub fn dunder_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "list.__iter__", 0, 0)?;
    the_list(vm, args.pos[0])?;
    vm.new_opaque(Ty::ListIterator, super::iter::SeqIter::new(args.pos[0]))
}

pub fn dunder_iadd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "list.__iadd__", 1, 1)?;
    let items = if args.pos[1] == args.pos[0] {
        snapshot(vm, args.pos[0])?
    } else {
        protocols::iter::collect(vm, args.pos[1])?
    };
    the_list(vm, args.pos[0])?.lock().extend(items);
    Ok(args.pos[0])
}

/// A repeat count for `*`: `NotImplemented` for a non-index.
fn repeat_count(vm: &mut Vm, v: Value) -> PyResult<Option<usize>> {
    let idx = vm.int_of(v).is_some() || {
        let n = vm.intern("__index__")?;
        protocols::attr::lookup_type_attr(vm, vm.type_of(v), n).is_some()
    };
    if !idx {
        return Ok(None);
    }
    match protocols::number::index(vm, v)? {
        crate::numeric::Int::Small(n) => Ok(Some(n.max(0) as usize)),
        crate::numeric::Int::Big(b) if b.sign() == num_bigint::Sign::Minus => Ok(Some(0)),
        crate::numeric::Int::Big(_) => Err(vm.new_error(
            Ty::OverflowError,
            "cannot fit 'int' into an index-sized integer",
        )),
    }
}

/// The items repeated `n` times, or MemoryError when that cannot be held.
fn repeated(vm: &mut Vm, items: &[Value], n: usize) -> PyResult<Vec<Value>> {
    let total = items
        .len()
        .checked_mul(n)
        .filter(|&t| t <= isize::MAX as usize / 8);
    let Some(total) = total else {
        return Err(vm.new_error(Ty::MemoryError, ""));
    };
    let mut out = Vec::with_capacity(total);
    for _ in 0..n {
        out.extend_from_slice(items);
    }
    Ok(out)
}

pub fn dunder_imul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "list.__imul__", 1, 1)?;
    let Some(n) = repeat_count(vm, args.pos[1])? else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let items = snapshot(vm, args.pos[0])?;
    let out = repeated(vm, &items, n)?;
    *the_list(vm, args.pos[0])?.lock() = out;
    Ok(args.pos[0])
}

pub fn dunder_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "list.__add__", 1, 1)?;
    let mut items = snapshot(vm, args.pos[0])?;
    let Some(other) = vm.list_data(args.pos[1]).map(|l| l.snapshot()) else {
        let t = vm.type_name(args.pos[1]);
        return Err(vm.type_error(&format!("can only concatenate list (not \"{t}\") to list")));
    };
    items.extend(other);
    vm.new_list(items)
}

pub fn dunder_mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "list.__mul__", 1, 1)?;
    let Some(n) = repeat_count(vm, args.pos[1])? else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let items = snapshot(vm, args.pos[0])?;
    let out = repeated(vm, &items, n)?;
    vm.new_list(out)
}
