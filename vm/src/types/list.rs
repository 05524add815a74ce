//! `list` (CPython's Objects/listobject.c): item assignment and the method table.

use protopy_objects::{ListData, Value};

use super::{Args, NativeMethod};
use crate::protocols;
use crate::thread::{PyErr, PyResult, Vm};

/// `list[key] = value` (`value` NULL: `del list[key]`).
pub fn setitem(vm: &mut Vm, list: Value, key: Value, value: Value) -> PyResult<()> {
    if super::range::is_slice(vm, key) {
        return Err(crate::ops::not_yet(vm, "slice assignment"));
    }
    let i = protocols::number::index_i64(vm, key)?;
    let l = the_list(vm, list)?;
    let mut g = l.lock();
    let n = g.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        drop(g);
        let what = if value.is_null() {
            "deletion"
        } else {
            "assignment"
        };
        return Err(vm.index_error(&format!("list {what} index out of range")));
    }
    if value.is_null() {
        g.remove(j as usize);
    } else {
        g[j as usize] = value;
    }
    Ok(())
}

/// `list.__new__`: an empty list (`list.__init__` fills it, as in CPython).
fn list_new(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    vm.new_list(Vec::new())
}

/// `list.__init__(self, iterable=(), /)`: https://docs.python.org/3/library/stdtypes.html#list
fn list_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error("list() takes no keyword arguments"));
    }
    args.check(vm, "list", 1, 2)?;
    let items = match args.get(1) {
        Some(x) => protocols::iter::collect(vm, x)?,
        None => Vec::new(),
    };
    let l = the_list(vm, args.pos[0])?;
    *l.lock() = items;
    Ok(Value::NONE)
}

fn the_list(vm: &mut Vm, v: Value) -> PyResult<&ListData> {
    if vm.list_data(v).is_none() {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!(
            "descriptor requires a 'list' object but received a '{t}'"
        )));
    }
    vm.list_data(v).ok_or(PyErr { exc: Value::NONE })
}

/// `list.append(x)`.
fn append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "append", 1, 1)?;
    the_list(vm, args.pos[0])?.push(args.pos[1]);
    Ok(Value::NONE)
}

/// `list.extend(iterable)`.
fn extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "extend", 1, 1)?;
    let items = protocols::iter::collect(vm, args.pos[1])?;
    the_list(vm, args.pos[0])?.lock().extend(items);
    Ok(Value::NONE)
}

/// `list.pop(i=-1)`.
fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "pop", 0, 1)?;
    let i = match args.get(1) {
        Some(v) => protocols::number::index_i64(vm, v)?,
        None => -1,
    };
    let l = the_list(vm, args.pos[0])?;
    let mut g = l.lock();
    let n = g.len() as i64;
    if n == 0 {
        drop(g);
        return Err(vm.index_error("pop from empty list"));
    }
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        drop(g);
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(g.remove(j as usize))
}

/// `list.insert(i, x)`.
fn insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "insert", 2, 2)?;
    let i = protocols::number::index_i64(vm, args.pos[1])?;
    let l = the_list(vm, args.pos[0])?;
    let mut g = l.lock();
    let n = g.len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    g.insert(j as usize, args.pos[2]);
    Ok(Value::NONE)
}

pub const METHODS: &[NativeMethod] = &[
    super::sm("__new__", list_new, ""),
    super::m("__init__", list_init, ""),
    super::m("append", append, "($self, object, /)"),
    super::m("extend", extend, "($self, iterable, /)"),
    super::m("insert", insert, "($self, index, object, /)"),
    super::m("pop", pop, "($self, index=-1, /)"),
];
