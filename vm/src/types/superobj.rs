//! `super` (CPython's Objects/typeobject.c `super_*`): zero-argument `super()` from the
//! `__class__` cell and the first argument, and attribute lookup past a class in the MRO.

use protopy_objects::{CellData, Trace, Tracer, Value};

use super::{sm, typeobj, Args, NativeMethod};
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// A `super` object: look past `ty` in the MRO of `obj`'s type (or of `obj` when it is a class).
pub struct SuperData {
    pub ty: Value,
    pub obj: Value,
}

impl Trace for SuperData {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.ty);
        t.visit(self.obj);
    }
}

/// `super()`, `super(type, obj)`.
fn super_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = &args.pos[1.min(args.pos.len())..];
    let (ty, obj) = match a {
        [t, o] => (*t, *o),
        [] => {
            let Some(f) = vm.frames.last() else {
                return Err(vm.new_error(Ty::RuntimeError, "super(): no current frame"));
            };
            let co = &f.code.co;
            if co.argcount == 0 {
                return Err(vm.new_error(Ty::RuntimeError, "super(): no arguments"));
            }
            let mut obj = f.fast.first().copied().unwrap_or(Value::NULL);
            if let Ok(c) = vm.m.get_value::<CellData>(obj) {
                if co.cellvars.first().map(String::as_str)
                    == co.varnames.first().map(String::as_str)
                {
                    obj = c.0.load();
                }
            }
            let n = co.nlocalsplus();
            let class_slot = (0..n).find(|&i| co.localsplus_name(i) == Some("__class__"));
            let Some(slot) = class_slot else {
                return Err(vm.new_error(Ty::RuntimeError, "super(): __class__ cell not found"));
            };
            let cell = f.fast.get(slot).copied().unwrap_or(Value::NULL);
            let ty =
                vm.m.get_value::<CellData>(cell)
                    .map(|c| c.0.load())
                    .unwrap_or(Value::NULL);
            if ty.is_null() {
                return Err(vm.new_error(Ty::RuntimeError, "super(): empty __class__ cell"));
            }
            (ty, obj)
        }
        _ => return Err(crate::ops::not_yet(vm, "super() with one argument")),
    };
    if !typeobj::is_type(vm, ty) {
        let t = vm.type_name(ty);
        return Err(vm.type_error(&format!("super() argument 1 must be a type, not {t}")));
    }
    vm.new_opaque(Ty::Super, SuperData { ty, obj })
}

/// `super().name`; None when `sup` is not a super object.
pub fn super_getattr(vm: &mut Vm, sup: Value, name: Value) -> PyResult<Option<Value>> {
    let Some(s) = vm.opaque::<SuperData>(sup) else {
        return Ok(None);
    };
    let (ty, obj) = (s.ty, s.obj);
    let start = if typeobj::is_type(vm, obj) {
        obj
    } else {
        Value::from_handle(vm.type_of(obj))
    };
    let mro = start
        .as_handle()
        .map(|h| typeobj::mro(vm, h))
        .unwrap_or_default();
    let skip = mro
        .iter()
        .position(|&c| c == ty)
        .map(|i| i + 1)
        .unwrap_or(mro.len());
    for &c in &mro[skip..] {
        let Some(h) = c.as_handle() else { continue };
        let d = typeobj::type_dict(vm, h);
        if let Some(v) = super::dict::get_item(vm, d, name)? {
            let is_class = typeobj::is_type(vm, obj);
            let inst = if is_class { Value::NULL } else { obj };
            return protocols::attr::bind(vm, v, inst, start).map(Some);
        }
    }
    let n = vm.rust_str(name).unwrap_or_default();
    Err(vm.attribute_error(&format!("'super' object has no attribute '{n}'")))
}

pub const METHODS: &[NativeMethod] = &[sm("__new__", super_new, "")];
