//! Attribute access (Objects/object.c `PyObject_GenericGetAttr`/`SetAttr`, Objects/typeobject.c
//! `type_getattro`): data descriptors on the type's MRO, then the instance dict, then other
//! descriptors and class attributes, then `__getattr__`.

use protopy_objects::{InstanceData, Value};

use crate::runtime::Ty;
use crate::thread::{PyErr, PyResult, Vm};
use crate::types::descr::{ClassMethod, GetSet, Member, Property, StaticMethod};
use crate::types::function::{BoundMethod, Function, Native};
use crate::types::{dict, typeobj, Args, Binding};

/// `_PyType_Lookup` with an interned name.
pub fn lookup_type_attr(vm: &mut Vm, ty: protopy_objects::Handle, name: Value) -> Option<Value> {
    typeobj::lookup(vm, ty, name)
}

/// The `__dict__` of an object that has one.
pub fn instance_dict(vm: &Vm, obj: Value) -> Option<Value> {
    if let Ok(i) = vm.m.get_value::<InstanceData>(obj) {
        let d = i.dict.load();
        return (!d.is_null()).then_some(d);
    }
    if let Some(f) = vm.opaque::<Function>(obj) {
        return Some(f.dict.load());
    }
    if let Some(m) = vm.opaque::<crate::types::module::Module>(obj) {
        return Some(m.dict);
    }
    if let Some(e) = vm.opaque::<crate::types::exceptions::ExcData>(obj) {
        return Some(e.dict);
    }
    if let Some(c) = vm.opaque::<ClassMethod>(obj) {
        return (!c.dict.is_null()).then_some(c.dict);
    }
    if let Some(s) = vm.opaque::<StaticMethod>(obj) {
        return (!s.dict.is_null()).then_some(s.dict);
    }
    None
}

fn is_data_descr(vm: &mut Vm, d: Value) -> bool {
    if vm.opaque::<GetSet>(d).is_some()
        || vm.opaque::<Property>(d).is_some()
        || vm.opaque::<Member>(d).is_some()
    {
        return true;
    }
    let ty = vm.type_of(d);
    if !typeobj::is_heap_type(vm, ty) {
        return false;
    }
    let (Ok(s), Ok(dl)) = (vm.intern("__set__"), vm.intern("__delete__")) else {
        return false;
    };
    typeobj::lookup(vm, ty, s).is_some() || typeobj::lookup(vm, ty, dl).is_some()
}

/// Applies a descriptor found on `ty` for `obj` (NULL `obj`: accessed on the class).
pub fn bind(vm: &mut Vm, descr: Value, obj: Value, ty: Value) -> PyResult<Value> {
    if vm.opaque::<Function>(descr).is_some() {
        if obj.is_null() {
            return Ok(descr);
        }
        return vm.new_opaque(Ty::Method, BoundMethod { func: descr, obj });
    }
    if let Some(n) = vm.opaque::<Native>(descr) {
        if n.binding == Binding::Method && n.bound.is_null() && !obj.is_null() {
            let n2 = Native { bound: obj, ..*n };
            let kind = if crate::types::descr::is_slot_name(n2.name) {
                Ty::MethodWrapper
            } else {
                Ty::BuiltinFunction
            };
            return vm.new_opaque(kind, n2);
        }
        return Ok(descr);
    }
    if let Some(c) = vm.opaque::<ClassMethod>(descr) {
        let f = c.func;
        let cls = if ty.is_null() {
            Value::from_handle(vm.type_of(obj))
        } else {
            ty
        };
        if let Some(n) = vm.opaque::<Native>(f) {
            let n2 = Native { bound: cls, ..*n };
            return vm.new_opaque(Ty::BuiltinFunction, n2);
        }
        return vm.new_opaque(Ty::Method, BoundMethod { func: f, obj: cls });
    }
    if let Some(s) = vm.opaque::<StaticMethod>(descr) {
        return Ok(s.func);
    }
    if let Some(p) = vm.opaque::<Property>(descr) {
        if obj.is_null() {
            return Ok(descr);
        }
        let fget = p.fget.load();
        if fget.is_none() || fget.is_null() {
            return Err(crate::types::descr::property_missing(
                vm, descr, obj, "getter",
            ));
        }
        return super::call::call(vm, fget, Args::new(vec![obj]));
    }
    if let Some(g) = vm.opaque::<GetSet>(descr) {
        if obj.is_null() {
            return Ok(descr);
        }
        let get = g.get;
        return get(vm, obj);
    }
    if vm.opaque::<Member>(descr).is_some() {
        if obj.is_null() {
            return Ok(descr);
        }
        return crate::types::descr::member_get(vm, descr, obj);
    }
    let dty = vm.type_of(descr);
    if typeobj::is_heap_type(vm, dty) {
        let getn = vm.intern("__get__")?;
        if let Some(get) = typeobj::lookup(vm, dty, getn) {
            let o = if obj.is_null() { Value::NONE } else { obj };
            return super::call::call(vm, get, Args::new(vec![descr, o, ty]));
        }
    }
    Ok(descr)
}

/// An attribute name must be a `str` (the check of `PyObject_GetAttr` and `PyObject_SetAttr`).
pub fn check_name(vm: &mut Vm, name: Value) -> PyResult<()> {
    if vm.str_data(name).is_none() {
        let t = vm.type_name(name);
        return Err(vm.type_error(&format!("attribute name must be string, not '{t}'")));
    }
    Ok(())
}

/// `getattr(obj, name)`: https://docs.python.org/3/library/functions.html#getattr
pub fn getattr(vm: &mut Vm, obj: Value, name: Value) -> PyResult<Value> {
    check_name(vm, name)?;
    if typeobj::is_type(vm, obj) {
        let meta = vm.type_of(obj);
        if let Some(f) = python_override(vm, meta, "__getattribute__")? {
            let r = super::call::call(vm, f, Args::new(vec![obj, name]));
            return match r {
                Err(e) if vm.err_is(&e, Ty::AttributeError) => getattr_hook(vm, obj, name, e),
                r => r,
            };
        }
        return match type_getattr(vm, obj, name) {
            Err(e) if vm.err_is(&e, Ty::AttributeError) => getattr_hook(vm, obj, name, e),
            r => r,
        };
    }
    if let Some(v) = crate::types::superobj::super_getattr(vm, obj, name)? {
        return Ok(v);
    }
    if vm.opaque::<BoundMethod>(obj).is_some() {
        return crate::types::method::method_getattr(vm, obj, name);
    }
    let ty = vm.type_of(obj);
    if let Some(f) = python_override(vm, ty, "__getattribute__")? {
        let r = super::call::call(vm, f, Args::new(vec![obj, name]));
        return match r {
            Err(e) if vm.err_is(&e, Ty::AttributeError) => getattr_hook(vm, obj, name, e),
            r => r,
        };
    }
    match generic_getattr(vm, obj, name) {
        Ok(Some(v)) => Ok(v),
        Ok(None) if vm.opaque::<crate::types::module::Module>(obj).is_some() => {
            crate::import::module_getattr_missing(vm, obj, name)
        }
        Ok(None) => {
            let e = no_attribute(vm, obj, name);
            getattr_hook(vm, obj, name, e)
        }
        Err(e) if vm.err_is(&e, Ty::AttributeError) => getattr_hook(vm, obj, name, e),
        Err(e) => Err(e),
    }
}

/// The special method `name` of heap type `ty` when it is written in Python (or is any
/// non-native callable), overriding the builtin behaviour.
pub fn python_override(
    vm: &mut Vm,
    ty: protopy_objects::Handle,
    name: &str,
) -> PyResult<Option<Value>> {
    if !typeobj::is_heap_type(vm, ty) {
        return Ok(None);
    }
    let n = vm.intern(name)?;
    Ok(typeobj::lookup(vm, ty, n).filter(|&f| vm.opaque::<Native>(f).is_none()))
}

fn getattr_hook(vm: &mut Vm, obj: Value, name: Value, e: PyErr) -> PyResult<Value> {
    let ty = vm.type_of(obj);
    if typeobj::is_heap_type(vm, ty) {
        let gn = vm.intern("__getattr__")?;
        if let Some(f) = typeobj::lookup(vm, ty, gn) {
            return super::call::call(vm, f, Args::new(vec![obj, name]));
        }
    }
    Err(e)
}

/// `object.__getattribute__` without the error.
pub fn generic_getattr(vm: &mut Vm, obj: Value, name: Value) -> PyResult<Option<Value>> {
    let ty = vm.type_of(obj);
    let descr = typeobj::lookup(vm, ty, name);
    if let Some(d) = descr {
        if is_data_descr(vm, d) {
            return bind(vm, d, obj, Value::from_handle(ty)).map(Some);
        }
    }
    if let Some(d) = instance_dict(vm, obj) {
        if let Some(v) = dict::get_item(vm, d, name)? {
            return Ok(Some(v));
        }
    }
    if let Some(d) = descr {
        return bind(vm, d, obj, Value::from_handle(ty)).map(Some);
    }
    Ok(None)
}

pub fn no_attribute(vm: &mut Vm, obj: Value, name: Value) -> PyErr {
    let n = vm.rust_str(name).unwrap_or_default();
    if let Some(m) = vm.opaque::<crate::types::module::Module>(obj) {
        let md = m.dict;
        let mn = dict::get_str(vm, md, "__name__")
            .ok()
            .flatten()
            .and_then(|v| vm.rust_str(v))
            .unwrap_or_default();
        let e = vm.attribute_error(&format!("module '{mn}' has no attribute '{n}'"));
        crate::types::exceptions::set_attr_error_info(vm, e.exc, obj, name);
        return e;
    }
    let t = vm.type_name(obj);
    let e = vm.attribute_error(&format!("'{t}' object has no attribute '{n}'"));
    crate::types::exceptions::set_attr_error_info(vm, e.exc, obj, name);
    e
}

/// `type.__getattribute__`: metaclass data descriptors, then the class's MRO, then other
/// metaclass attributes.
pub fn type_getattr(vm: &mut Vm, cls: Value, name: Value) -> PyResult<Value> {
    let Some(ch) = cls.as_handle() else {
        return Err(vm.type_error("bad type"));
    };
    let meta = vm.type_of(cls);
    let meta_attr = typeobj::lookup(vm, meta, name);
    if let Some(d) = meta_attr {
        if is_data_descr(vm, d) {
            return bind(vm, d, cls, Value::from_handle(meta));
        }
    }
    if let Some(a) = typeobj::lookup(vm, ch, name) {
        return bind(vm, a, Value::NULL, cls);
    }
    if let Some(d) = meta_attr {
        return bind(vm, d, cls, Value::from_handle(meta));
    }
    let n = vm.rust_str(name).unwrap_or_default();
    let t = typeobj::type_name(vm, ch);
    let e = vm.attribute_error(&format!("type object '{t}' has no attribute '{n}'"));
    crate::types::exceptions::set_attr_error_info(vm, e.exc, cls, name);
    Err(e)
}

/// `getattr` with a Rust name.
pub fn getattr_str(vm: &mut Vm, obj: Value, name: &str) -> PyResult<Value> {
    let n = vm.intern(name)?;
    getattr(vm, obj, n)
}

/// `getattr(obj, name, None)`-like: None when missing (an AttributeError).
pub fn getattr_opt(vm: &mut Vm, obj: Value, name: Value) -> PyResult<Option<Value>> {
    match getattr(vm, obj, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if vm.err_is(&e, Ty::AttributeError) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `setattr(obj, name, value)` (`value` NULL: `delattr`).
pub fn setattr(vm: &mut Vm, obj: Value, name: Value, value: Value) -> PyResult<()> {
    check_name(vm, name)?;
    let ty = vm.type_of(obj);
    let hook = if value.is_null() {
        "__delattr__"
    } else {
        "__setattr__"
    };
    if let Some(f) = python_override(vm, ty, hook)? {
        let mut a = vec![obj, name];
        if !value.is_null() {
            a.push(value);
        }
        super::call::call(vm, f, Args::new(a))?;
        return Ok(());
    }
    if typeobj::is_type(vm, obj) {
        return type_setattr(vm, obj, name, value);
    }
    generic_setattr(vm, obj, name, value)
}

/// `type.__setattr__` (`value` NULL: `type.__delattr__`).
pub fn type_setattr(vm: &mut Vm, obj: Value, name: Value, value: Value) -> PyResult<()> {
    {
        let Some(h) = obj.as_handle() else {
            return Ok(());
        };
        let meta = vm.type_of(obj);
        if let Some(d) = typeobj::lookup(vm, meta, name) {
            if let Some(g) = vm.opaque::<GetSet>(d) {
                if let Some(set) = g.set {
                    return set(vm, obj, value);
                }
                let n = vm.rust_str(name).unwrap_or_default();
                let t = typeobj::type_name(vm, h);
                let _ = t;
                return Err(vm.attribute_error(&format!(
                    "attribute '{n}' of 'type' objects is not writable"
                )));
            }
            if is_data_descr(vm, d) {
                return generic_setattr(vm, obj, name, value);
            }
        }
        if !typeobj::is_heap_type(vm, h) {
            let n = vm.rust_str(name).unwrap_or_default();
            let t = typeobj::type_name(vm, h);
            return Err(vm.type_error(&format!(
                "cannot set '{n}' attribute of immutable type '{t}'"
            )));
        }
        let d = typeobj::type_dict(vm, h);
        if value.is_null() {
            if dict::del_item(vm, d, name)?.is_none() {
                let n = vm.rust_str(name).unwrap_or_default();
                let t = typeobj::type_name(vm, h);
                return Err(
                    vm.attribute_error(&format!("type object '{t}' has no attribute '{n}'"))
                );
            }
        } else {
            dict::set_item(vm, d, name, value)?;
        }
        if let Ok(td) = vm.m.get::<protopy_objects::TypeData>(h) {
            td.bump_version();
        }
        Ok(())
    }
}

/// `object.__setattr__`.
pub fn generic_setattr(vm: &mut Vm, obj: Value, name: Value, value: Value) -> PyResult<()> {
    let ty = vm.type_of(obj);
    if let Some(d) = typeobj::lookup(vm, ty, name) {
        if let Some(p) = vm.opaque::<Property>(d) {
            let f = if value.is_null() {
                p.fdel.load()
            } else {
                p.fset.load()
            };
            if f.is_none() || f.is_null() {
                let what = if value.is_null() { "deleter" } else { "setter" };
                return Err(crate::types::descr::property_missing(vm, d, obj, what));
            }
            let mut a = vec![obj];
            if !value.is_null() {
                a.push(value);
            }
            super::call::call(vm, f, Args::new(a))?;
            return Ok(());
        }
        if vm.opaque::<Member>(d).is_some() {
            return crate::types::descr::member_set(vm, d, obj, value);
        }
        if let Some(g) = vm.opaque::<GetSet>(d) {
            return match g.set {
                Some(set) => set(vm, obj, value),
                None => {
                    let n = vm.rust_str(name).unwrap_or_default();
                    let t = vm.type_name(obj);
                    Err(vm.attribute_error(&format!(
                        "attribute '{n}' of '{t}' objects is not writable"
                    )))
                }
            };
        }
        let dty = vm.type_of(d);
        if typeobj::is_heap_type(vm, dty) {
            let sn = vm.intern(if value.is_null() {
                "__delete__"
            } else {
                "__set__"
            })?;
            if let Some(set) = typeobj::lookup(vm, dty, sn) {
                let mut a = vec![d, obj];
                if !value.is_null() {
                    a.push(value);
                }
                super::call::call(vm, set, Args::new(a))?;
                return Ok(());
            }
            if is_data_descr(vm, d) {
                // A data descriptor without the method this needs (`__set__` or `__delete__`).
                let missing = vm.rust_str(sn).unwrap_or_default();
                return Err(vm.attribute_error(&missing));
            }
        }
    }
    match instance_dict(vm, obj) {
        Some(d) => {
            if value.is_null() {
                if dict::del_item(vm, d, name)?.is_none() {
                    return Err(no_attribute(vm, obj, name));
                }
            } else {
                dict::set_item(vm, d, name, value)?;
            }
            Ok(())
        }
        None => {
            let n = vm.rust_str(name).unwrap_or_default();
            let t = vm.type_name(obj);
            if typeobj::lookup(vm, ty, name).is_some() {
                return Err(
                    vm.attribute_error(&format!("'{t}' object attribute '{n}' is read-only"))
                );
            }
            Err(vm.attribute_error(&format!(
                "'{t}' object has no attribute '{n}' and no __dict__ for setting new attributes"
            )))
        }
    }
}

/// A staticmethod's function (for `__new__`).
pub fn unwrap_static(vm: &Vm, f: Value) -> Value {
    vm.opaque::<StaticMethod>(f).map(|s| s.func).unwrap_or(f)
}

/// `LOAD_ATTR` with the method bit: `(function, self)` for plain methods, `(attr, NULL)` else.
pub fn load_method(vm: &mut Vm, obj: Value, name: Value) -> PyResult<(Value, Value)> {
    if !typeobj::is_type(vm, obj)
        && vm
            .opaque::<crate::types::superobj::SuperData>(obj)
            .is_none()
    {
        let ty = vm.type_of(obj);
        if let Some(d) = typeobj::lookup(vm, ty, name) {
            let plain_fn = vm.opaque::<Function>(d).is_some();
            let plain_native = vm
                .opaque::<Native>(d)
                .is_some_and(|n| n.binding == Binding::Method && n.bound.is_null());
            if plain_fn || plain_native {
                let in_dict = match instance_dict(vm, obj) {
                    Some(dd) => dict::get_item(vm, dd, name)?.is_some(),
                    None => false,
                };
                let custom = python_override(vm, ty, "__getattribute__")?.is_some();
                if !in_dict && !custom {
                    return Ok((d, obj));
                }
            }
        }
    }
    Ok((getattr(vm, obj, name)?, Value::NULL))
}
