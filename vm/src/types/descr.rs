//! Descriptors (Objects/descrobject.c, Objects/funcobject.c): `property`, `classmethod`,
//! `staticmethod` and the native attribute getters (`getset_descriptor`).

use protopy_objects::{AtomicValue, Trace, Tracer, Value};

use super::{m, Args, Getter, NativeMethod, Setter};
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// A native attribute (`PyGetSetDef`): a data descriptor.
pub struct GetSet {
    pub name: &'static str,
    pub get: Getter,
    pub set: Option<Setter>,
    pub owner: Ty,
}

impl Trace for GetSet {
    fn trace(&self, _: &mut Tracer) {}
}

/// `classmethod(f)`: https://docs.python.org/3/library/functions.html#classmethod
pub struct ClassMethod {
    pub func: Value,
    /// The instance `__dict__` (`NULL` for the wrappers of native methods).
    pub dict: Value,
}

impl ClassMethod {
    pub fn new(func: Value) -> ClassMethod {
        ClassMethod {
            func,
            dict: Value::NULL,
        }
    }
}

impl Trace for ClassMethod {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.func);
        t.visit(self.dict);
    }
}

/// `staticmethod(f)`: https://docs.python.org/3/library/functions.html#staticmethod
pub struct StaticMethod {
    pub func: Value,
    /// The instance `__dict__` (`NULL` for the wrappers of native methods).
    pub dict: Value,
}

impl StaticMethod {
    pub fn new(func: Value) -> StaticMethod {
        StaticMethod {
            func,
            dict: Value::NULL,
        }
    }
}

impl Trace for StaticMethod {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.func);
        t.visit(self.dict);
    }
}

/// `property(fget, fset, fdel, doc)`: https://docs.python.org/3/library/functions.html#property
pub struct Property {
    pub fget: AtomicValue,
    pub fset: AtomicValue,
    pub fdel: AtomicValue,
    pub doc: AtomicValue,
    /// The name given by `__set_name__` (`NULL` until then).
    pub name: AtomicValue,
}

impl Trace for Property {
    fn trace(&self, t: &mut Tracer) {
        for a in [&self.fget, &self.fset, &self.fdel, &self.doc, &self.name] {
            a.trace(t);
        }
    }
}

fn new_property(vm: &mut Vm, fget: Value, fset: Value, fdel: Value, doc: Value) -> PyResult<Value> {
    vm.new_opaque(
        Ty::Property,
        Property {
            fget: AtomicValue::new(fget),
            fset: AtomicValue::new(fset),
            fdel: AtomicValue::new(fdel),
            doc: AtomicValue::new(doc),
            name: AtomicValue::new(Value::NULL),
        },
    )
}

/// A property's name: from `__set_name__`, else its getter's `__name__`.
pub fn property_name(vm: &mut Vm, p: Value) -> PyResult<Option<Value>> {
    let Some((name, fget)) = vm
        .opaque::<Property>(p)
        .map(|p| (p.name.load(), p.fget.load()))
    else {
        return Ok(None);
    };
    if !name.is_null() {
        return Ok(Some(name));
    }
    if fget.is_none() || fget.is_null() {
        return Ok(None);
    }
    let n = vm.intern("__name__")?;
    crate::protocols::attr::getattr_opt(vm, fget, n)
}

/// The error for a missing getter, setter or deleter of property `p` on `obj`.
pub fn property_missing(vm: &mut Vm, p: Value, obj: Value, what: &str) -> crate::thread::PyErr {
    let t = vm.type_name(obj);
    let name = match property_name(vm, p) {
        Ok(n) => n.and_then(|n| vm.rust_str(n)),
        Err(e) => return e,
    };
    let msg = match name {
        Some(n) => format!("property '{n}' of '{t}' object has no {what}"),
        None => format!("property of '{t}' object has no {what}"),
    };
    vm.attribute_error(&msg)
}

fn property_set_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__set_name__", 2, 2)?;
    if let Some(p) = vm.opaque::<Property>(args.pos[0]) {
        p.name.store(args.pos[2]);
    }
    Ok(Value::NONE)
}

fn property_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__get__", 1, 2)?;
    let obj = args.pos[1];
    let obj = if obj.is_none() { Value::NULL } else { obj };
    let ty = args.get(2).unwrap_or(Value::NONE);
    crate::protocols::attr::bind(vm, args.pos[0], obj, ty)
}

fn property_set_or_delete(vm: &mut Vm, p: Value, obj: Value, value: Value) -> PyResult<Value> {
    let f = vm
        .opaque::<Property>(p)
        .map(|p| {
            if value.is_null() {
                p.fdel.load()
            } else {
                p.fset.load()
            }
        })
        .unwrap_or(Value::NONE);
    if f.is_none() || f.is_null() {
        let what = if value.is_null() { "deleter" } else { "setter" };
        return Err(property_missing(vm, p, obj, what));
    }
    let mut a = vec![obj];
    if !value.is_null() {
        a.push(value);
    }
    crate::protocols::call::call(vm, f, Args::new(a))?;
    Ok(Value::NONE)
}

fn property_set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__set__", 2, 2)?;
    property_set_or_delete(vm, args.pos[0], args.pos[1], args.pos[2])
}

fn property_delete(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__delete__", 1, 1)?;
    property_set_or_delete(vm, args.pos[0], args.pos[1], Value::NULL)
}

fn p_name(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match property_name(vm, v)? {
        Some(n) => Ok(n),
        None => Err(vm.attribute_error("'property' object has no attribute '__name__'")),
    }
}

/// `property.__new__`
fn property_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let get = |i: usize, k: &str, args: &mut Args| {
        args.take_kw(vm, k).or(args.get(i)).unwrap_or(Value::NONE)
    };
    let fget = get(1, "fget", &mut args);
    let fset = get(2, "fset", &mut args);
    let fdel = get(3, "fdel", &mut args);
    let doc = get(4, "doc", &mut args);
    new_property(vm, fget, fset, fdel, doc)
}

fn parts(vm: &Vm, p: Value) -> [Value; 4] {
    vm.opaque::<Property>(p)
        .map(|p| [p.fget.load(), p.fset.load(), p.fdel.load(), p.doc.load()])
        .unwrap_or([Value::NONE; 4])
}

/// Gives a copy made by `getter`/`setter`/`deleter` the original's name.
fn copy_name(vm: &mut Vm, from: Value, to: Value) -> PyResult<Value> {
    let name = vm
        .opaque::<Property>(from)
        .map_or(Value::NULL, |p| p.name.load());
    if let Some(p) = vm.opaque::<Property>(to) {
        p.name.store(name);
    }
    Ok(to)
}

/// `property.getter(f)`
fn property_getter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [_, s, d, doc] = parts(vm, args.pos[0]);
    let p = new_property(vm, args.get(1).unwrap_or(Value::NONE), s, d, doc)?;
    copy_name(vm, args.pos[0], p)
}
/// `property.setter(f)`
fn property_setter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [g, _, d, doc] = parts(vm, args.pos[0]);
    let p = new_property(vm, g, args.get(1).unwrap_or(Value::NONE), d, doc)?;
    copy_name(vm, args.pos[0], p)
}
/// `property.deleter(f)`
fn property_deleter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [g, s, _, doc] = parts(vm, args.pos[0]);
    let p = new_property(vm, g, s, args.get(1).unwrap_or(Value::NONE), doc)?;
    copy_name(vm, args.pos[0], p)
}

pub const PROPERTY_METHODS: &[NativeMethod] = &[
    NativeMethod {
        name: "__new__",
        func: property_new,
        sig: "",
        binding: super::Binding::Static,
    },
    m("__set_name__", property_set_name, "($self, owner, name, /)"),
    m("__get__", property_get, "($self, instance, owner=None, /)"),
    m("__set__", property_set, "($self, instance, value, /)"),
    m("__delete__", property_delete, "($self, instance, /)"),
    m("getter", property_getter, ""),
    m("setter", property_setter, ""),
    m("deleter", property_deleter, ""),
];

fn p_fget(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(parts(vm, v)[0])
}
fn p_fset(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(parts(vm, v)[1])
}
fn p_fdel(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(parts(vm, v)[2])
}
fn p_doc(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let [g, _, _, doc] = parts(vm, v);
    if doc.is_none() && !g.is_none() {
        return crate::protocols::attr::getattr_str(vm, g, "__doc__");
    }
    Ok(doc)
}

pub const PROPERTY_GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    ("fget", p_fget, None),
    ("fset", p_fset, None),
    ("fdel", p_fdel, None),
    ("__doc__", p_doc, None),
    ("__name__", p_name, None),
];

/// A `__slots__` entry (`member_descriptor`, Objects/descrobject.c `PyMemberDescr`): reads and
/// writes slot `index` of instances of `owner`.
pub struct Member {
    pub name: Value,
    pub index: usize,
    pub owner: Value,
}

impl Trace for Member {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.name);
        t.visit(self.owner);
    }
}

fn member_parts(vm: &mut Vm, d: Value, obj: Value) -> PyResult<(String, usize)> {
    let Some(m) = vm.opaque::<Member>(d) else {
        return Err(vm.type_error("expected a member descriptor"));
    };
    let (name, index, owner) = (m.name, m.index, m.owner);
    let n = vm.rust_str(name).unwrap_or_default();
    if let Some(oh) = owner.as_handle() {
        if !super::typeobj::is_subtype(vm, vm.type_of(obj), oh) {
            let on = super::typeobj::type_name(vm, oh);
            let t = vm.type_name(obj);
            return Err(vm.type_error(&format!(
                "descriptor '{n}' for '{on}' objects doesn't apply to a '{t}' object"
            )));
        }
    }
    Ok((n, index))
}

/// Reads a slot of `obj` through member descriptor `d`.
pub fn member_get(vm: &mut Vm, d: Value, obj: Value) -> PyResult<Value> {
    let (n, index) = member_parts(vm, d, obj)?;
    let v =
        vm.m.get_value::<protopy_objects::InstanceData>(obj)
            .ok()
            .and_then(|i| i.slots.get(index).map(|s| s.load()))
            .unwrap_or(Value::NULL);
    if v.is_null() {
        let t = vm.type_name(obj);
        let e = vm.attribute_error(&format!("'{t}' object has no attribute '{n}'"));
        return Err(e);
    }
    Ok(v)
}

/// Writes (`value` NULL: deletes) a slot of `obj` through member descriptor `d`.
pub fn member_set(vm: &mut Vm, d: Value, obj: Value, value: Value) -> PyResult<()> {
    let (n, index) = member_parts(vm, d, obj)?;
    let old =
        vm.m.get_value::<protopy_objects::InstanceData>(obj)
            .ok()
            .and_then(|i| i.slots.get(index).map(|s| s.swap(value)));
    match old {
        Some(o) if value.is_null() && o.is_null() => Err(vm.attribute_error(&n)),
        Some(_) => Ok(()),
        None => Err(vm.attribute_error(&n)),
    }
}

fn member_dunder_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__get__", 1, 2)?;
    let obj = args.pos[1];
    if obj.is_none() {
        return Ok(args.pos[0]);
    }
    member_get(vm, args.pos[0], obj)
}

fn member_dunder_set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__set__", 2, 2)?;
    member_set(vm, args.pos[0], args.pos[1], args.pos[2])?;
    Ok(Value::NONE)
}

fn member_dunder_delete(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__delete__", 1, 1)?;
    member_set(vm, args.pos[0], args.pos[1], Value::NULL)?;
    Ok(Value::NONE)
}

fn member_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (name, owner) = vm
        .opaque::<Member>(args.pos[0])
        .map(|m| (m.name, m.owner))
        .unwrap_or((Value::NONE, Value::NONE));
    let n = vm.rust_str(name).unwrap_or_default();
    let o = owner
        .as_handle()
        .map(|h| super::typeobj::type_name(vm, h))
        .unwrap_or_default();
    vm.new_str(&format!("<member '{n}' of '{o}' objects>"))
}

fn member_name(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(vm
        .opaque::<Member>(v)
        .map(|m| m.name)
        .unwrap_or(Value::NONE))
}

/// A slot's `__doc__`: slots made by `class` statements have none.
fn member_doc(_vm: &mut Vm, _v: Value) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn member_objclass(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(vm
        .opaque::<Member>(v)
        .map(|m| m.owner)
        .unwrap_or(Value::NONE))
}

pub const MEMBER_METHODS: &[NativeMethod] = &[
    m(
        "__get__",
        member_dunder_get,
        "($self, instance, owner=None, /)",
    ),
    m("__set__", member_dunder_set, "($self, instance, value, /)"),
    m("__delete__", member_dunder_delete, "($self, instance, /)"),
    m("__repr__", member_repr, "($self, /)"),
];

pub const MEMBER_GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    ("__name__", member_name, None),
    ("__qualname__", member_name, None),
    ("__objclass__", member_objclass, None),
    ("__doc__", member_doc, None),
];

/// The function a `classmethod` or `staticmethod` (or an instance of a subclass) wraps.
pub fn wrapped_func(vm: &Vm, v: Value) -> Option<Value> {
    vm.opaque::<ClassMethod>(v)
        .map(|c| c.func)
        .or_else(|| vm.opaque::<StaticMethod>(v).map(|s| s.func))
}

/// `<classmethod(<function f at 0x...>)>` (`cm_repr`, `sm_repr`); `<method 'f' of 'C' objects>`
/// for a `classmethod_descriptor`.
pub fn wrapper_repr(vm: &mut Vm, v: Value) -> PyResult<Option<String>> {
    let Some(f) = wrapped_func(vm, v) else {
        return Ok(None);
    };
    if vm.type_of(v) == vm.ty(Ty::ClassMethodDescriptor) {
        if let Some((name, Some(owner))) = vm
            .opaque::<super::function::Native>(f)
            .map(|n| (n.name, n.owner))
        {
            return Ok(Some(format!(
                "<method '{name}' of '{}' objects>",
                owner.name()
            )));
        }
    }
    let name = if vm.opaque::<ClassMethod>(v).is_some() {
        "classmethod"
    } else {
        "staticmethod"
    };
    let r = crate::protocols::repr::repr(vm, f)?;
    Ok(Some(format!("<{name}({r})>")))
}

/// Copies `__module__`, `__name__`, `__qualname__`, `__doc__` of the wrapped callable into the
/// wrapper's `__dict__` and sets `__wrapped__` (`functools_wraps` of funcobject.c).
fn copy_wrapped_attrs(vm: &mut Vm, w: Value, f: Value) -> PyResult<()> {
    let Some(d) = crate::protocols::attr::instance_dict(vm, w) else {
        return Ok(());
    };
    vm.temps.extend_from_slice(&[w, f, d]);
    let r = (|| {
        for name in ["__module__", "__name__", "__qualname__", "__doc__"] {
            let n = vm.intern(name)?;
            if let Some(v) = crate::protocols::attr::getattr_opt(vm, f, n)? {
                super::dict::set_item(vm, d, n, v)?;
            }
        }
        let n = vm.intern("__wrapped__")?;
        super::dict::set_item(vm, d, n, f)
    })();
    vm.temps.truncate(vm.temps.len() - 3);
    r
}

/// `classmethod(function)`: https://docs.python.org/3/library/functions.html#classmethod
fn classmethod_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    wrapper_new(vm, args, true)
}

/// `staticmethod(function)`: https://docs.python.org/3/library/functions.html#staticmethod
fn staticmethod_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    wrapper_new(vm, args, false)
}

fn wrapper_new(vm: &mut Vm, args: Args, class: bool) -> PyResult<Value> {
    let name = if class { "classmethod" } else { "staticmethod" };
    if !args.kw.is_empty() {
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    if args.pos.len() != 2 {
        return Err(vm.type_error(&format!(
            "{name} expected 1 argument, got {}",
            args.pos.len().saturating_sub(1)
        )));
    }
    let f = args.pos[1];
    let dict = vm.new_dict()?;
    vm.temps.push(dict);
    let w = if class {
        vm.new_opaque(Ty::ClassMethod, ClassMethod { func: f, dict })
    } else {
        vm.new_opaque(Ty::StaticMethod, StaticMethod { func: f, dict })
    };
    vm.temps.pop();
    let w = w?;
    vm.temps.push(w);
    let r = copy_wrapped_attrs(vm, w, f);
    vm.temps.pop();
    r?;
    Ok(w)
}

fn cm_func(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(wrapped_func(vm, v).unwrap_or(Value::NONE))
}

fn cm_isabstract(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let f = wrapped_func(vm, v).unwrap_or(Value::NONE);
    match crate::protocols::attr::getattr_opt(vm, f, vm.intern("__isabstractmethod__")?)? {
        Some(r) => Ok(Value::from_bool(crate::protocols::truth(vm, r)?)),
        None => Ok(Value::FALSE),
    }
}

/// `classmethod.__get__(instance, owner=None, /)`.
fn cm_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__get__", 1, 2)?;
    let (obj, ty) = (args.pos[1], args.get(2).unwrap_or(Value::NONE));
    let ty = if ty.is_none() {
        Value::from_handle(vm.type_of(obj))
    } else {
        ty
    };
    crate::protocols::attr::bind(vm, args.pos[0], Value::NULL, ty)
}

/// `staticmethod.__get__(instance, owner=None, /)`.
fn sm_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__get__", 1, 2)?;
    Ok(wrapped_func(vm, args.pos[0]).unwrap_or(Value::NONE))
}

/// `staticmethod.__call__(*args, **kwargs)`.
fn sm_call(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let f = wrapped_func(vm, args.pos[0]).unwrap_or(Value::NONE);
    args.pos.remove(0);
    crate::protocols::call::call(vm, f, args)
}

fn wrapper_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::NONE)
}

pub const CLASSMETHOD_METHODS: &[NativeMethod] = &[
    NativeMethod {
        name: "__new__",
        func: classmethod_new,
        sig: "",
        binding: super::Binding::Static,
    },
    m("__init__", wrapper_init, "($self, /, *args, **kwargs)"),
    m("__get__", cm_get, "($self, instance, owner=None, /)"),
];

pub const STATICMETHOD_METHODS: &[NativeMethod] = &[
    NativeMethod {
        name: "__new__",
        func: staticmethod_new,
        sig: "",
        binding: super::Binding::Static,
    },
    m("__init__", wrapper_init, "($self, /, *args, **kwargs)"),
    m("__get__", sm_get, "($self, instance, owner=None, /)"),
    m("__call__", sm_call, "($self, /, *args, **kwargs)"),
];

/// `classmethod_descriptor.__call__(cls, *args, **kwargs)`: the method bound to `cls`, called.
fn cm_descriptor_call(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let descr = args.pos.remove(0);
    let Some(&cls) = args.pos.first() else {
        return Err(vm.type_error("descriptor needs an argument"));
    };
    args.pos.remove(0);
    let bound = crate::protocols::attr::bind(vm, descr, Value::NULL, cls)?;
    vm.temps.push(bound);
    let r = crate::protocols::call::call(vm, bound, args);
    vm.temps.pop();
    r
}

/// A native classmethod of a builtin type (`classmethod_descriptor`, Objects/descrobject.c):
/// bound to the class on access, whether through the class or an instance.
pub const CLASSMETHOD_DESCRIPTOR_METHODS: &[NativeMethod] = &[
    m("__get__", cm_get, "($self, instance, owner=None, /)"),
    m(
        "__call__",
        cm_descriptor_call,
        "($self, /, *args, **kwargs)",
    ),
];

/// An attribute of the native function a `classmethod_descriptor` wraps.
fn cm_descriptor_attr(vm: &mut Vm, v: Value, attr: &str) -> PyResult<Value> {
    let f = wrapped_func(vm, v).unwrap_or(Value::NONE);
    crate::protocols::attr::getattr_str(vm, f, attr)
}

pub const CLASSMETHOD_DESCRIPTOR_GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    (
        "__name__",
        |vm, v| cm_descriptor_attr(vm, v, "__name__"),
        None,
    ),
    (
        "__qualname__",
        |vm, v| cm_descriptor_attr(vm, v, "__qualname__"),
        None,
    ),
    (
        "__doc__",
        |vm, v| cm_descriptor_attr(vm, v, "__doc__"),
        None,
    ),
    (
        "__text_signature__",
        |vm, v| cm_descriptor_attr(vm, v, "__text_signature__"),
        None,
    ),
    ("__objclass__", cm_descriptor_objclass, None),
];

fn cm_descriptor_objclass(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let f = wrapped_func(vm, v).unwrap_or(Value::NONE);
    match vm
        .opaque::<super::function::Native>(f)
        .and_then(|n| n.owner)
    {
        Some(t) => Ok(vm.ty_val(t)),
        None => Ok(Value::NONE),
    }
}

pub const WRAPPER_GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    (
        "__dict__",
        super::object::get_dict,
        Some(super::object::set_dict),
    ),
    ("__func__", cm_func, None),
    ("__isabstractmethod__", cm_isabstract, None),
];

/// `function.__get__(instance, owner=None, /)`: a bound method, or the function itself when
/// `instance` is None (Objects/funcobject.c `func_descr_get`).
fn function_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__get__", 1, 2)?;
    let (f, obj) = (args.pos[0], args.pos[1]);
    if obj.is_none() {
        return Ok(f);
    }
    vm.new_opaque(Ty::Method, super::function::BoundMethod { func: f, obj })
}

pub const FUNCTION_METHODS: &[NativeMethod] = &[m(
    "__get__",
    function_get,
    "($self, instance, owner=None, /)",
)];

/// The special methods CPython implements as type slots (their unbound natives are
/// `wrapper_descriptor`s and bound ones `method-wrapper`s).
const SLOT_NAMES: &[&str] = &[
    "__repr__",
    "__str__",
    "__hash__",
    "__call__",
    "__getattribute__",
    "__getattr__",
    "__setattr__",
    "__delattr__",
    "__lt__",
    "__le__",
    "__eq__",
    "__ne__",
    "__gt__",
    "__ge__",
    "__iter__",
    "__next__",
    "__get__",
    "__set__",
    "__delete__",
    "__init__",
    "__del__",
    "__add__",
    "__radd__",
    "__sub__",
    "__rsub__",
    "__mul__",
    "__rmul__",
    "__mod__",
    "__rmod__",
    "__divmod__",
    "__rdivmod__",
    "__pow__",
    "__rpow__",
    "__neg__",
    "__pos__",
    "__abs__",
    "__bool__",
    "__invert__",
    "__lshift__",
    "__rlshift__",
    "__rshift__",
    "__rrshift__",
    "__and__",
    "__rand__",
    "__xor__",
    "__rxor__",
    "__or__",
    "__ror__",
    "__int__",
    "__float__",
    "__iadd__",
    "__isub__",
    "__imul__",
    "__imod__",
    "__ipow__",
    "__ilshift__",
    "__irshift__",
    "__iand__",
    "__ixor__",
    "__ior__",
    "__floordiv__",
    "__rfloordiv__",
    "__truediv__",
    "__rtruediv__",
    "__ifloordiv__",
    "__itruediv__",
    "__index__",
    "__matmul__",
    "__rmatmul__",
    "__imatmul__",
    "__len__",
    "__getitem__",
    "__setitem__",
    "__delitem__",
    "__contains__",
    "__await__",
    "__aiter__",
    "__anext__",
    "__buffer__",
    "__release_buffer__",
];

/// Whether `name` is the name of a type slot's special method.
pub fn is_slot_name(name: &str) -> bool {
    SLOT_NAMES.contains(&name)
}

/// The type of an unbound native method named `name`.
pub fn method_descriptor_type(name: &str) -> Ty {
    if is_slot_name(name) {
        Ty::WrapperDescriptor
    } else {
        Ty::MethodDescriptor
    }
}

/// `method_descriptor.__get__(instance, owner=None, /)`: the method bound to `instance`.
fn method_descriptor_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__get__", 1, 2)?;
    let obj = args.pos[1];
    if obj.is_none() {
        return Ok(args.pos[0]);
    }
    crate::protocols::attr::bind(vm, args.pos[0], obj, Value::NONE)
}

pub const METHOD_DESCRIPTOR_METHODS: &[NativeMethod] = &[m(
    "__get__",
    method_descriptor_get,
    "($self, instance, owner=None, /)",
)];
