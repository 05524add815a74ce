//! `object` (CPython's Objects/typeobject.c `object_*` functions): construction with its
//! excess-argument rules, the default repr, comparisons, hash, the generic attribute
//! functions as real methods, `__class__` assignment and the method table.

use protopy_objects::{InstanceData, Value};

use super::function::Native;
use super::{subclass, typeobj, Args, NativeMethod};
use crate::protocols::{self, attr};
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// The repr of values whose type has a fixed one (`None`, `Ellipsis`, ...); None otherwise.
pub fn special_repr(vm: &mut Vm, v: Value) -> PyResult<Option<String>> {
    if vm.is_instance_ty(v, Ty::BaseException) && !typeobj::is_heap_type(vm, vm.type_of(v))
        || vm.opaque::<super::exceptions::ExcData>(v).is_some()
    {
        let r = super::exceptions::exc_repr(vm, Args::new(vec![v]))?;
        return Ok(vm.rust_str(r));
    }
    if let Some(r) = super::range::range_repr(vm, v) {
        return Ok(Some(r));
    }
    if let Some(r) = super::slice::slice_repr(vm, v)? {
        return Ok(Some(r));
    }
    if let Some(h) = v.as_handle().filter(|_| typeobj::is_type(vm, v)) {
        let q = typeobj::type_qualname(vm, h);
        return Ok(Some(match typeobj::type_module(vm, h).as_deref() {
            Some("builtins") | None => format!("<class '{q}'>"),
            Some(m) => format!("<class '{m}.{q}'>"),
        }));
    }
    let base = subclass::base_value(vm, v);
    if base != v && base.as_handle().is_none() {
        // An immediate native value (a float subclass instance's float).
        return protocols::repr::repr(vm, base).map(Some);
    }
    let rn = vm.intern("__repr__")?;
    if let Some(f) = typeobj::lookup(vm, vm.type_of(v), rn) {
        // A builtin type's own native `__repr__` (`super`, `mappingproxy`, ...).
        let own = vm
            .opaque::<Native>(f)
            .is_some_and(|n| n.owner.is_some_and(|o| o != Ty::Object));
        if own {
            let r = protocols::call::call(vm, f, Args::new(vec![v]))?;
            return Ok(vm.rust_str(r));
        }
    }
    if let Some(r) = super::function_attrs::repr(vm, v)? {
        return Ok(Some(r));
    }
    if let Some(r) = super::dict_views::view_repr(vm, v)? {
        return Ok(Some(r));
    }
    Ok(if v.is_none() {
        Some("None".into())
    } else if v == Value::ELLIPSIS {
        Some("Ellipsis".into())
    } else if v == Value::NOT_IMPLEMENTED {
        Some("NotImplemented".into())
    } else {
        None
    })
}

/// `object.__repr__`: `<module.Class object at 0x...>`.
fn object_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.pos[0];
    let ty = vm.type_of(v);
    let d = typeobj::type_dict(vm, ty);
    let module = super::dict::get_str(vm, d, "__module__")?.and_then(|m| vm.rust_str(m));
    let qual =
        vm.m.get::<protopy_objects::TypeData>(ty)
            .ok()
            .map(|t| t.qualname.load());
    let qual = qual
        .and_then(|q| vm.rust_str(q))
        .unwrap_or_else(|| typeobj::type_name(vm, ty));
    let addr = format!("{:#x}", crate::protocols::address(v));
    let name = match module.as_deref() {
        Some("builtins") | None => qual,
        Some(m) => format!("{m}.{qual}"),
    };
    vm.new_str(&format!("<{name} object at {addr}>"))
}

/// Whether `ty`'s `name` is still `object`'s own (a native of `object`, not overridden).
pub(crate) fn is_object_native(
    vm: &mut Vm,
    ty: protopy_objects::Handle,
    name: &str,
) -> PyResult<bool> {
    let n = vm.intern(name)?;
    Ok(match typeobj::lookup(vm, ty, n) {
        Some(f) => vm
            .opaque::<Native>(attr::unwrap_static(vm, f))
            .is_some_and(|n| n.owner == Some(Ty::Object)),
        None => true,
    })
}

fn excess_args(args: &Args) -> bool {
    args.pos.len() > 1 || !args.kw.is_empty()
}

/// `object.__new__(cls)`: an instance with a `__dict__` for classes made by `class`.
fn object_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(cls) = args
        .pos
        .first()
        .and_then(|c| c.as_handle())
        .filter(|&h| typeobj::is_type(vm, Value::from_handle(h)))
    else {
        let t = args
            .pos
            .first()
            .map(|&v| vm.type_name(v))
            .unwrap_or_default();
        return Err(vm.type_error(&format!("object.__new__(X): X is not a type object ({t})")));
    };
    if excess_args(&args) {
        if !is_object_native(vm, cls, "__new__")? {
            return Err(vm.type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if is_object_native(vm, cls, "__init__")? {
            let n = typeobj::type_name(vm, cls);
            return Err(vm.type_error(&format!("{n}() takes no arguments")));
        }
    }
    match typeobj::layout(vm, cls) {
        Ty::Object => {}
        l if l.is_exception() => {
            let rest = args.pos[1..].to_vec();
            return super::exceptions::new_exception(vm, cls, rest);
        }
        l => {
            let n = typeobj::type_name(vm, cls);
            return Err(vm.type_error(&format!(
                "object.__new__({n}) is not safe, use {}.__new__()",
                l.name()
            )));
        }
    }
    subclass::new_instance(vm, cls, Value::NULL)
}

/// `object.__init__(self, /, *args, **kwargs)`.
fn object_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if excess_args(&args) {
        let ty = vm.type_of(args.pos[0]);
        if !is_object_native(vm, ty, "__init__")? {
            return Err(vm.type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        if is_object_native(vm, ty, "__new__")? {
            let n = typeobj::type_name(vm, ty);
            return Err(vm.type_error(&format!(
                "{n}.__init__() takes exactly one argument (the instance to initialize)"
            )));
        }
    }
    Ok(Value::NONE)
}

/// `object.__str__`: `repr(self)`.
fn object_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__str__", 0, 0)?;
    let s = protocols::repr::repr(vm, args.pos[0])?;
    vm.new_str(&s)
}

/// `object.__format__(self, format_spec, /)`.
fn object_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__format__", 1, 1)?;
    let Some(spec) = vm.str_data(args.pos[1]).map(|d| d.len()) else {
        let t = vm.type_name(args.pos[1]);
        return Err(vm.type_error(&format!("__format__() argument must be str, not {t}")));
    };
    if spec != 0 {
        let t = vm.type_name(args.pos[0]);
        return Err(vm.type_error(&format!(
            "unsupported format string passed to {t}.__format__"
        )));
    }
    protocols::repr::str_value(vm, args.pos[0])
}

/// `object.__eq__`: identity, else `NotImplemented`.
fn object_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__eq__", 1, 1)?;
    Ok(if args.pos[0] == args.pos[1] {
        Value::TRUE
    } else {
        Value::NOT_IMPLEMENTED
    })
}

/// `object.__ne__`: the inverse of `__eq__` unless that is `NotImplemented`.
fn object_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__ne__", 1, 1)?;
    let (a, b) = (args.pos[0], args.pos[1]);
    let ta = vm.type_of(a);
    let (la, lb) = (vm.layout_of(a), vm.layout_of(b));
    let num = |t: Ty| matches!(t, Ty::Int | Ty::Bool | Ty::Float);
    let r = if let Some(eq) = attr::python_override(vm, ta, "__eq__")? {
        protocols::call::call(vm, eq, Args::new(vec![a, b]))?
    } else if la != Ty::Object && (la == lb || num(la) && num(lb)) {
        // The builtin's own equality (`tp_richcompare(self, other, Py_EQ)`).
        protocols::compare::rich_compare(vm, a, b, 2)?
    } else {
        match protocols::call::call_special(vm, a, "__eq__", vec![b])? {
            Some(r) => r,
            None => Value::NOT_IMPLEMENTED,
        }
    };
    if r == Value::NOT_IMPLEMENTED {
        return Ok(r);
    }
    Ok(Value::from_bool(!protocols::truth(vm, r)?))
}

/// `object.__lt__` and the other orderings: `NotImplemented`.
fn object_order(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "comparison", 1, 1)?;
    Ok(Value::NOT_IMPLEMENTED)
}

/// `object.__hash__`: from the identity.
fn object_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__hash__", 0, 0)?;
    vm.new_i64(protocols::identity_hash(args.pos[0]))
}

fn attr_name(vm: &mut Vm, name: Value) -> PyResult<Value> {
    protocols::attr::check_name(vm, name)?;
    Ok(name)
}

/// `object.__getattribute__(self, name, /)`: the generic lookup.
fn object_getattribute(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__getattribute__", 1, 1)?;
    let name = attr_name(vm, args.pos[1])?;
    let obj = args.pos[0];
    match attr::generic_getattr(vm, obj, name)? {
        Some(v) => Ok(v),
        None => Err(attr::no_attribute(vm, obj, name)),
    }
}

/// `object.__setattr__(self, name, value, /)`.
fn object_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__setattr__", 2, 2)?;
    let name = attr_name(vm, args.pos[1])?;
    attr::generic_setattr(vm, args.pos[0], name, args.pos[2])?;
    Ok(Value::NONE)
}

/// `object.__delattr__(self, name, /)`.
fn object_delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__delattr__", 1, 1)?;
    let name = attr_name(vm, args.pos[1])?;
    attr::generic_setattr(vm, args.pos[0], name, Value::NULL)?;
    Ok(Value::NONE)
}

/// `object.__init_subclass__()`: takes no arguments.
fn object_init_subclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() || args.pos.len() > 1 {
        let n = args
            .pos
            .first()
            .and_then(|c| c.as_handle())
            .map(|h| typeobj::type_qualname(vm, h))
            .unwrap_or_else(|| "object".into());
        return Err(vm.type_error(&format!(
            "{n}.__init_subclass__() takes no keyword arguments"
        )));
    }
    Ok(Value::NONE)
}

/// `object.__subclasshook__()`: `NotImplemented`.
fn object_subclasshook(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 2 || !args.kw.is_empty() {
        return Err(vm.type_error(&format!(
            "object.__subclasshook__() takes exactly one argument ({} given)",
            args.pos.len().saturating_sub(1)
        )));
    }
    Ok(Value::NOT_IMPLEMENTED)
}

/// `object.__dir__()`: the instance dict's keys, then the class's attributes.
fn object_dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__dir__", 0, 0)?;
    let obj = args.pos[0];
    let mut names: Vec<Value> = Vec::new();
    if let Some(d) = attr::instance_dict(vm, obj) {
        if vm.dict_data(d).is_some() {
            names.extend(super::dict::items(vm, d).into_iter().map(|(k, _)| k));
        }
    }
    let cls = vm.type_of(obj);
    let out = vm.new_list(names)?;
    vm.temps.push(out);
    let r = typeobj::merge_class_dict(vm, out, cls);
    vm.temps.pop();
    r?;
    Ok(out)
}

/// `object.__sizeof__()`: the size of the object's record and fields.
fn object_sizeof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__sizeof__", 0, 0)?;
    let v = args.pos[0];
    let slots =
        vm.m.get_value::<InstanceData>(v)
            .map(|i| i.slots.len())
            .unwrap_or(0);
    vm.new_usize(16 + 8 * slots)
}

/// `__weakref__` of instances of classes made by `class`: the first weak reference to the
/// object, None while there is none (weak references are not made on protopy yet).
pub fn get_weakref(_vm: &mut Vm, _v: Value) -> PyResult<Value> {
    Ok(Value::NONE)
}

/// `__dict__` of objects that keep one (`PyObject_GenericGetDict`).
pub fn get_dict(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match attr::instance_dict(vm, v) {
        Some(d) => Ok(d),
        None => {
            let t = vm.type_name(v);
            Err(vm.attribute_error(&format!("'{t}' object has no attribute '__dict__'")))
        }
    }
}

/// `obj.__dict__ = d` (`PyObject_GenericSetDict`); `del obj.__dict__` leaves a new empty one.
pub fn set_dict(vm: &mut Vm, v: Value, d: Value) -> PyResult<()> {
    let d = if d.is_null() {
        if vm.m.get_value::<InstanceData>(v).is_err() {
            return Err(vm.type_error("cannot delete __dict__"));
        }
        vm.new_dict()?
    } else {
        d
    };
    if !vm.is_instance_ty(d, Ty::Dict) {
        let t = vm.type_name(d);
        return Err(vm.type_error(&format!(
            "__dict__ must be set to a dictionary, not a '{t}'"
        )));
    }
    match vm.m.get_value::<InstanceData>(v) {
        Ok(i) if !i.dict.load().is_null() => {
            i.dict.store(d);
            Ok(())
        }
        _ => {
            let t = vm.type_name(v);
            Err(vm.attribute_error(&format!("'{t}' object has no attribute '__dict__'")))
        }
    }
}

fn get_class(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::from_handle(vm.type_of(v)))
}

/// `obj.__class__ = cls`: both classes made by `class`, with the same layout.
fn set_class(vm: &mut Vm, v: Value, cls: Value) -> PyResult<()> {
    if cls.is_null() {
        return Err(vm.type_error("can't delete __class__ attribute"));
    }
    let Some(new) = cls.as_handle().filter(|_| typeobj::is_type(vm, cls)) else {
        let t = vm.type_name(cls);
        return Err(vm.type_error(&format!(
            "__class__ must be set to a class, not '{t}' object"
        )));
    };
    let old = vm.type_of(v);
    let (on, nn) = (typeobj::type_name(vm, old), typeobj::type_name(vm, new));
    let heap = |vm: &Vm, h| typeobj::is_heap_type(vm, h);
    if !heap(vm, old) || !heap(vm, new) || v.as_handle().is_none() {
        return Err(vm.type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    let same_layout = typeobj::layout(vm, old) == typeobj::layout(vm, new)
        && subclass::has_dict(vm, old) == subclass::has_dict(vm, new)
        && subclass::slot_count(vm, old) == subclass::slot_count(vm, new)
        && typeobj::slot_names(vm, old) == typeobj::slot_names(vm, new);
    if !same_layout {
        return Err(vm.type_error(&format!(
            "__class__ assignment: '{nn}' object layout differs from '{on}'"
        )));
    }
    if let Some(h) = v.as_handle() {
        let _ = vm.m.set_type(h, Some(new));
    }
    Ok(())
}

pub const GETSETS: &[(&str, super::Getter, Option<super::Setter>)] =
    &[("__class__", get_class, Some(set_class))];

pub const METHODS: &[NativeMethod] = &[
    super::sm("__new__", object_new, ""),
    super::m("__init__", object_init, "($self, /, *args, **kwargs)"),
    super::m("__repr__", object_repr, "($self, /)"),
    super::m("__str__", object_str, "($self, /)"),
    super::m("__format__", object_format, "($self, format_spec, /)"),
    super::m("__eq__", object_eq, "($self, value, /)"),
    super::m("__ne__", object_ne, "($self, value, /)"),
    super::m("__lt__", object_order, "($self, value, /)"),
    super::m("__le__", object_order, "($self, value, /)"),
    super::m("__gt__", object_order, "($self, value, /)"),
    super::m("__ge__", object_order, "($self, value, /)"),
    super::m("__hash__", object_hash, "($self, /)"),
    super::m("__getattribute__", object_getattribute, "($self, name, /)"),
    super::m("__setattr__", object_setattr, "($self, name, value, /)"),
    super::m("__delattr__", object_delattr, "($self, name, /)"),
    super::cm("__init_subclass__", object_init_subclass, "($cls, /)"),
    super::cm("__subclasshook__", object_subclasshook, "($cls, object, /)"),
    super::m("__dir__", object_dir, "($self, /)"),
    super::m("__sizeof__", object_sizeof, "($self, /)"),
];

/// `NoneType()`, `NotImplementedType()`, `ellipsis()`: the singleton, and no arguments.
fn singleton_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = args.pos.first().and_then(|c| c.as_handle());
    let ty = cls
        .and_then(|h| vm.rt.builtin_of(h))
        .unwrap_or(Ty::NoneType);
    if excess_args(&args) {
        return Err(vm.type_error(&format!("{} takes no arguments", ty.name())));
    }
    Ok(match ty {
        Ty::NotImplementedType => Value::NOT_IMPLEMENTED,
        Ty::Ellipsis => Value::ELLIPSIS,
        _ => Value::NONE,
    })
}

/// `None.__bool__()` and friends: the singletons' truth.
fn none_bool(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__bool__", 0, 0)?;
    Ok(Value::FALSE)
}

pub const NONE_METHODS: &[NativeMethod] = &[
    super::sm("__new__", singleton_new, ""),
    super::m("__bool__", none_bool, "($self, /)"),
];

pub const SINGLETON_METHODS: &[NativeMethod] = &[super::sm("__new__", singleton_new, "")];
