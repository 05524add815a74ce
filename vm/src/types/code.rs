//! The attributes of code objects (CPython's Objects/codeobject.c `code_memberlist` and
//! `code_getsetlist`): names, counts and the constant and name tuples.
//! https://docs.python.org/3/reference/datamodel.html#code-objects

use protopy_objects::Value;

use super::function::{Code, CodeData};
use super::{Getter, Setter};
use crate::thread::{PyResult, Vm};

fn data(vm: &mut Vm, v: Value) -> PyResult<std::sync::Arc<CodeData>> {
    match vm.opaque::<Code>(v) {
        Some(c) => Ok(c.0.clone()),
        None => Err(vm.type_error("descriptor requires a 'code' object")),
    }
}

fn str_tuple(vm: &mut Vm, names: &[String]) -> PyResult<Value> {
    let mark = vm.temps.len();
    let mut items = Vec::with_capacity(names.len());
    for n in names {
        let v = vm.intern(n)?;
        vm.temps.push(v);
        items.push(v);
    }
    let t = vm.new_tuple(items);
    vm.temps.truncate(mark);
    t
}

fn co_name(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let d = data(vm, v)?;
    vm.new_str(&d.co.name)
}

fn co_qualname(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let d = data(vm, v)?;
    vm.new_str(&d.co.qualname)
}

fn co_filename(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let d = data(vm, v)?;
    vm.new_str(&d.co.filename)
}

fn co_firstlineno(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let d = data(vm, v)?;
    vm.new_i64(i64::from(d.co.first_line))
}

fn co_argcount(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let d = data(vm, v)?;
    vm.new_i64(i64::from(d.co.argcount))
}

fn co_posonlyargcount(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let d = data(vm, v)?;
    vm.new_i64(i64::from(d.co.posonlyargcount))
}

fn co_kwonlyargcount(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let d = data(vm, v)?;
    vm.new_i64(i64::from(d.co.kwonlyargcount))
}

fn co_flags(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let d = data(vm, v)?;
    vm.new_i64(i64::from(d.co.flags))
}

fn co_consts(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let d = data(vm, v)?;
    vm.new_tuple(d.consts.clone())
}

fn co_names(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let d = data(vm, v)?;
    str_tuple(vm, &d.co.names)
}

fn co_varnames(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let d = data(vm, v)?;
    str_tuple(vm, &d.co.varnames)
}

fn co_cellvars(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let d = data(vm, v)?;
    str_tuple(vm, &d.co.cellvars)
}

fn co_freevars(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let d = data(vm, v)?;
    str_tuple(vm, &d.co.freevars)
}

pub const GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    ("co_argcount", co_argcount, None),
    ("co_cellvars", co_cellvars, None),
    ("co_consts", co_consts, None),
    ("co_filename", co_filename, None),
    ("co_firstlineno", co_firstlineno, None),
    ("co_flags", co_flags, None),
    ("co_freevars", co_freevars, None),
    ("co_kwonlyargcount", co_kwonlyargcount, None),
    ("co_name", co_name, None),
    ("co_names", co_names, None),
    ("co_posonlyargcount", co_posonlyargcount, None),
    ("co_qualname", co_qualname, None),
    ("co_varnames", co_varnames, None),
];
