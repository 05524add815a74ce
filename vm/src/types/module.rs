//! Module objects (Objects/moduleobject.c): a namespace dict.

use protopy_objects::{Trace, Tracer, Value};

use super::Getter;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

pub struct Module {
    pub dict: Value,
}

impl Trace for Module {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.dict);
    }
}

/// A new module named `name` with an empty namespace (`__name__`, `__doc__` set).
pub fn new_module(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let dict = vm.new_dict()?;
    vm.temps.push(dict);
    let k = vm.intern("__name__")?;
    let n = vm.new_str(name)?;
    super::dict::set_item(vm, dict, k, n)?;
    let k = vm.intern("__doc__")?;
    super::dict::set_item(vm, dict, k, Value::NONE)?;
    let m = vm.new_opaque(Ty::Module, Module { dict });
    vm.temps.pop();
    m
}

fn get_dict(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(vm
        .opaque::<Module>(v)
        .map(|m| m.dict)
        .unwrap_or(Value::NONE))
}

pub const GETSETS: &[(&str, Getter, Option<super::Setter>)] = &[("__dict__", get_dict, None)];
