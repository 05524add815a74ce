//! `super` (CPython's Objects/typeobject.c `super_*`): zero-argument `super()` from the
//! `__class__` cell and the first argument, the two-argument and unbound forms, and attribute
//! lookup past a class in the MRO.

use protopy_objects::{CellData, Trace, Tracer, Value};

use super::{m, sm, typeobj, Args, NativeMethod};
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// A `super` object: look past `ty` in the MRO of `obj_type` (`obj`'s type, or `obj` itself
/// when it is a subclass of `ty`). `obj` and `obj_type` are NULL for an unbound super.
pub struct SuperData {
    pub ty: Value,
    pub obj: Value,
    pub obj_type: Value,
}

impl Trace for SuperData {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.ty);
        t.visit(self.obj);
        t.visit(self.obj_type);
    }
}

/// The class whose MRO `super(ty, obj)` searches (`supercheck`).
fn supercheck(vm: &mut Vm, ty: Value, obj: Value) -> PyResult<Value> {
    let Some(th) = ty.as_handle() else {
        return Err(vm.type_error("super() argument 1 must be a type"));
    };
    if let Some(oh) = obj.as_handle().filter(|_| typeobj::is_type(vm, obj)) {
        if typeobj::is_subtype(vm, oh, th) {
            return Ok(obj);
        }
    }
    let ot = vm.type_of(obj);
    if typeobj::is_subtype(vm, ot, th) {
        return Ok(Value::from_handle(ot));
    }
    let what = if typeobj::is_type(vm, obj) {
        "type"
    } else {
        "instance of"
    };
    let on = if typeobj::is_type(vm, obj) {
        obj.as_handle()
            .map(|h| typeobj::type_name(vm, h))
            .unwrap_or_default()
    } else {
        vm.type_name(obj)
    };
    let tn = typeobj::type_name(vm, th);
    Err(vm.type_error(&format!(
        "super(type, obj): obj ({what} {on}) is not an instance or subtype of type ({tn})."
    )))
}

/// A new super object for `ty` and `obj` (NULL: unbound).
pub fn new_super(vm: &mut Vm, ty: Value, obj: Value) -> PyResult<Value> {
    if !typeobj::is_type(vm, ty) {
        let t = vm.type_name(ty);
        return Err(vm.type_error(&format!("super() argument 1 must be a type, not {t}")));
    }
    let obj_type = if obj.is_null() || obj.is_none() {
        Value::NULL
    } else {
        supercheck(vm, ty, obj)?
    };
    let obj = if obj_type.is_null() { Value::NULL } else { obj };
    vm.new_opaque(Ty::Super, SuperData { ty, obj, obj_type })
}

/// `super()` in a method: the `__class__` cell and the first argument of the running frame.
fn zero_arg(vm: &mut Vm) -> PyResult<(Value, Value)> {
    let Some(f) = vm.frames.last() else {
        return Err(vm.new_error(Ty::RuntimeError, "super(): no current frame"));
    };
    let co = &f.code.co;
    if co.argcount == 0 {
        return Err(vm.new_error(Ty::RuntimeError, "super(): no arguments"));
    }
    let mut obj = f.fast.first().copied().unwrap_or(Value::NULL);
    if let Ok(c) = vm.m.get_value::<CellData>(obj) {
        if co.cellvars.first().map(String::as_str) == co.varnames.first().map(String::as_str) {
            obj = c.0.load();
        }
    }
    let n = co.nlocalsplus();
    let class_slot = (0..n).find(|&i| co.localsplus_name(i) == Some("__class__"));
    let cell = class_slot.and_then(|s| f.fast.get(s).copied());
    if obj.is_null() {
        return Err(vm.new_error(Ty::RuntimeError, "super(): arg[0] deleted"));
    }
    let Some(cell) = cell else {
        return Err(vm.new_error(Ty::RuntimeError, "super(): __class__ cell not found"));
    };
    let ty =
        vm.m.get_value::<CellData>(cell)
            .map(|c| c.0.load())
            .unwrap_or(Value::NULL);
    if ty.is_null() {
        return Err(vm.new_error(Ty::RuntimeError, "super(): empty __class__ cell"));
    }
    if !typeobj::is_type(vm, ty) {
        return Err(vm.new_error(Ty::RuntimeError, "super(): __class__ is not a type"));
    }
    Ok((ty, obj))
}

/// `super()`, `super(type)`, `super(type, obj)`.
fn super_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error("super() takes no keyword arguments"));
    }
    let a = &args.pos[1.min(args.pos.len())..];
    let (ty, obj) = match a {
        [t, o] => (*t, *o),
        [t] => (*t, Value::NULL),
        [] => zero_arg(vm)?,
        _ => {
            return Err(vm.type_error(&format!(
                "super() expected at most 2 arguments, got {}",
                a.len()
            )))
        }
    };
    new_super(vm, ty, obj)
}

/// `super().name`; None when `sup` is not a super object or the MRO past its class has no
/// `name` (the caller then looks on the super object itself).
pub fn super_getattr(vm: &mut Vm, sup: Value, name: Value) -> PyResult<Option<Value>> {
    let Some(s) = vm.opaque::<SuperData>(sup) else {
        return Ok(None);
    };
    let (ty, obj, start) = (s.ty, s.obj, s.obj_type);
    if start.is_null()
        || vm
            .str_data(name)
            .is_some_and(|d| d.as_bytes() == b"__class__")
    {
        return Ok(None);
    }
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
            let inst = if obj == start { Value::NULL } else { obj };
            return protocols::attr::bind(vm, v, inst, start).map(Some);
        }
    }
    Ok(None)
}

fn parts(vm: &Vm, v: Value) -> (Value, Value, Value) {
    vm.opaque::<SuperData>(v)
        .map(|s| (s.ty, s.obj, s.obj_type))
        .unwrap_or((Value::NONE, Value::NULL, Value::NULL))
}

fn or_none(v: Value) -> Value {
    if v.is_null() {
        Value::NONE
    } else {
        v
    }
}

fn get_thisclass(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(parts(vm, v).0)
}
fn get_self(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(or_none(parts(vm, v).1))
}
fn get_self_class(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(or_none(parts(vm, v).2))
}

/// `super.__repr__`: `<super: <class 'B'>, <C object>>`.
fn super_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (ty, _, start) = parts(vm, args.pos[0]);
    let tn = ty
        .as_handle()
        .map(|h| typeobj::type_name(vm, h))
        .unwrap_or_default();
    let s = if start.is_null() {
        format!("<super: <class '{tn}'>, NULL>")
    } else {
        let on = start
            .as_handle()
            .map(|h| typeobj::type_name(vm, h))
            .unwrap_or_default();
        format!("<super: <class '{tn}'>, <{on} object>>")
    };
    vm.new_str(&s)
}

/// `super.__get__(instance, owner=None, /)`: binds an unbound super.
fn super_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__get__", 1, 2)?;
    let (ty, obj, _) = parts(vm, args.pos[0]);
    let inst = args.pos[1];
    if inst.is_none() || !obj.is_null() {
        return Ok(args.pos[0]);
    }
    new_super(vm, ty, inst)
}

pub const METHODS: &[NativeMethod] = &[
    sm("__new__", super_new, ""),
    m("__repr__", super_repr, "($self, /)"),
    m("__get__", super_get, "($self, instance, owner=None, /)"),
];

pub const GETSETS: &[(&str, super::Getter, Option<super::Setter>)] = &[
    ("__thisclass__", get_thisclass, None),
    ("__self__", get_self, None),
    ("__self_class__", get_self_class, None),
];
