//! `list` (CPython's Objects/listobject.c): item assignment and the method table.

use protopy_objects::{ListData, Value};

use super::{Args, NativeMethod};
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyErr, PyResult, Vm};

/// `list[key] = value` (`value` NULL: `del list[key]`).
pub fn setitem(vm: &mut Vm, list: Value, key: Value, value: Value) -> PyResult<()> {
    if super::range::is_slice(vm, key) {
        return super::list_slice::set_slice(vm, list, key, value);
    }
    let i = match protocols::number::index(vm, key) {
        Ok(crate::numeric::Int::Small(n)) => n,
        Ok(crate::numeric::Int::Big(_)) => {
            let t = vm.type_name(key);
            return Err(vm.index_error(&format!("cannot fit '{t}' into an index-sized integer")));
        }
        Err(e) => {
            let idx = vm.intern("__index__")?;
            if super::typeobj::lookup(vm, vm.type_of(key), idx).is_some() {
                return Err(e);
            }
            let t = vm.type_name(key);
            return Err(vm.type_error(&format!("list indices must be integers or slices, not {t}")));
        }
    };
    let l = the_list(vm, list)?;
    let mut g = l.lock();
    let n = g.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        drop(g);
        return Err(vm.index_error("list assignment index out of range"));
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
    args.check_method(vm, "list", 0, 1)?;
    let items = match args.get(1) {
        Some(x) => protocols::iter::collect(vm, x)?,
        None => Vec::new(),
    };
    let l = the_list(vm, args.pos[0])?;
    *l.lock() = items;
    Ok(Value::NONE)
}

pub fn the_list(vm: &mut Vm, v: Value) -> PyResult<&ListData> {
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
    args.check_method(vm, "list.append", 1, 1)?;
    the_list(vm, args.pos[0])?.push(args.pos[1]);
    Ok(Value::NONE)
}

/// `list.extend(iterable)`.
fn extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "list.extend", 1, 1)?;
    let items = protocols::iter::collect(vm, args.pos[1])?;
    the_list(vm, args.pos[0])?.lock().extend(items);
    Ok(Value::NONE)
}

/// An index argument as a machine-sized int (`PyNumber_AsSsize_t` raising OverflowError).
fn ssize(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match protocols::number::index(vm, v)? {
        crate::numeric::Int::Small(n) => Ok(n),
        crate::numeric::Int::Big(_) => Err(vm.new_error(
            Ty::OverflowError,
            "Python int too large to convert to C ssize_t",
        )),
    }
}

/// `list.pop(i=-1)`.
fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "pop", 0, 1)?;
    let i = match args.get(1) {
        Some(v) => ssize(vm, v)?,
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
    let i = ssize(vm, args.pos[1])?;
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
    super::m("clear", super::list_slice::clear, "($self, /)"),
    super::m("copy", super::list_slice::copy, "($self, /)"),
    super::m("count", super::list_slice::count, "($self, value, /)"),
    super::m(
        "index",
        super::list_slice::index,
        "($self, value, start=0, stop=sys.maxsize, /)",
    ),
    super::m("remove", super::list_slice::remove, "($self, value, /)"),
    super::m("reverse", super::list_slice::reverse, "($self, /)"),
    super::m(
        "sort",
        super::list_slice::sort,
        "($self, /, *, key=None, reverse=False)",
    ),
    super::m("__len__", super::list_slice::dunder_len, "($self, /)"),
    super::m("__getitem__", super::list_slice::dunder_getitem, ""),
    super::m(
        "__setitem__",
        super::list_slice::dunder_setitem,
        "($self, key, value, /)",
    ),
    super::m(
        "__delitem__",
        super::list_slice::dunder_delitem,
        "($self, key, /)",
    ),
    super::m(
        "__contains__",
        super::list_slice::dunder_contains,
        "($self, key, /)",
    ),
    super::m("__iter__", super::list_slice::dunder_iter, "($self, /)"),
    super::m(
        "__iadd__",
        super::list_slice::dunder_iadd,
        "($self, value, /)",
    ),
    super::m(
        "__imul__",
        super::list_slice::dunder_imul,
        "($self, value, /)",
    ),
    super::m(
        "__add__",
        super::list_slice::dunder_add,
        "($self, value, /)",
    ),
    super::m(
        "__mul__",
        super::list_slice::dunder_mul,
        "($self, value, /)",
    ),
    super::m(
        "__rmul__",
        super::list_slice::dunder_mul,
        "($self, value, /)",
    ),
    super::m("append", append, "($self, object, /)"),
    super::m("extend", extend, "($self, iterable, /)"),
    super::m("insert", insert, "($self, index, object, /)"),
    super::m("pop", pop, "($self, index=-1, /)"),
];
