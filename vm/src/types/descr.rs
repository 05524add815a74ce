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
}

impl ClassMethod {
    pub fn new(func: Value) -> ClassMethod {
        ClassMethod { func }
    }
}

impl Trace for ClassMethod {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.func);
    }
}

/// `staticmethod(f)`: https://docs.python.org/3/library/functions.html#staticmethod
pub struct StaticMethod {
    pub func: Value,
}

impl StaticMethod {
    pub fn new(func: Value) -> StaticMethod {
        StaticMethod { func }
    }
}

impl Trace for StaticMethod {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.func);
    }
}

/// `property(fget, fset, fdel, doc)`: https://docs.python.org/3/library/functions.html#property
pub struct Property {
    pub fget: AtomicValue,
    pub fset: AtomicValue,
    pub fdel: AtomicValue,
    pub doc: AtomicValue,
}

impl Trace for Property {
    fn trace(&self, t: &mut Tracer) {
        for a in [&self.fget, &self.fset, &self.fdel, &self.doc] {
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
        },
    )
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

/// `property.getter(f)`
fn property_getter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [_, s, d, doc] = parts(vm, args.pos[0]);
    new_property(vm, args.get(1).unwrap_or(Value::NONE), s, d, doc)
}
/// `property.setter(f)`
fn property_setter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [g, _, d, doc] = parts(vm, args.pos[0]);
    new_property(vm, g, args.get(1).unwrap_or(Value::NONE), d, doc)
}
/// `property.deleter(f)`
fn property_deleter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [g, s, _, doc] = parts(vm, args.pos[0]);
    new_property(vm, g, s, args.get(1).unwrap_or(Value::NONE), doc)
}

pub const PROPERTY_METHODS: &[NativeMethod] = &[
    NativeMethod {
        name: "__new__",
        func: property_new,
        sig: "",
        binding: super::Binding::Static,
    },
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
];
