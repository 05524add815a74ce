//! Module objects (Objects/moduleobject.c): a namespace dict.

use protopy_objects::{Trace, Tracer, Value};

use super::{Args, Getter, NativeMethod};
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

/// `module.__new__(cls, *args, **kwargs)`: a module of class `cls` with an empty namespace.
fn module_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(cls) = args
        .pos
        .first()
        .and_then(|c| c.as_handle())
        .filter(|&h| super::typeobj::is_type(vm, Value::from_handle(h)))
    else {
        return Err(vm.type_error("module.__new__(X): X is not a type object"));
    };
    let dict = vm.new_dict()?;
    vm.temps.push(dict);
    let m = vm.new_opaque(Ty::Module, Module { dict });
    vm.temps.pop();
    let m = m?;
    if let Some(h) = m.as_handle() {
        let _ = vm.m.set_type(h, Some(cls));
    }
    Ok(m)
}

/// `module(name, doc=None)`: https://docs.python.org/3/library/types.html#types.ModuleType
/// (`module___init___impl`): sets `__name__`, `__doc__`, `__package__`, `__loader__` and
/// `__spec__`.
fn module_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = super::argbind::bind(vm, &args, "module", &["name", "doc"], 0, 1)?;
    let name = a[0].unwrap_or(Value::NONE);
    if vm.str_data(name).is_none() {
        let t = vm.type_name(name);
        return Err(vm.type_error(&format!(
            "module.__init__() argument 'name' must be str, not {t}"
        )));
    }
    let doc = a[1].unwrap_or(Value::NONE);
    let Some(dict) = vm.opaque::<Module>(args.pos[0]).map(|m| m.dict) else {
        let t = vm.type_name(args.pos[0]);
        return Err(vm.type_error(&format!(
            "descriptor '__init__' requires a 'module' object but received a '{t}'"
        )));
    };
    for (k, v) in [
        ("__name__", name),
        ("__doc__", doc),
        ("__package__", Value::NONE),
        ("__loader__", Value::NONE),
        ("__spec__", Value::NONE),
    ] {
        super::dict::set_str(vm, dict, k, v)?;
    }
    Ok(Value::NONE)
}

pub const METHODS: &[NativeMethod] = &[
    super::sm("__new__", module_new, ""),
    super::m("__init__", module_init, "($self, /, name, doc=None)"),
];
