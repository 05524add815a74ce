//! `type` (Objects/typeobject.c): subtype checks, MRO lookup, C3 linearization, class creation
//! and calling a class (`__new__` then `__init__`).

use std::sync::atomic::Ordering;

use protopy_objects::{DictData, Handle, Table, TupleData, TypeData, Value};

use super::{m, Args, NativeMethod};
use crate::protocols;
use crate::runtime::{tyflags, Ty};
use crate::thread::{PyResult, Vm};

fn data(vm: &Vm, ty: Handle) -> Option<&TypeData> {
    vm.m.get::<TypeData>(ty).ok()
}

/// Whether `v` is a type object.
pub fn is_type(vm: &Vm, v: Value) -> bool {
    v.as_handle().is_some_and(|h| data(vm, h).is_some())
}

/// The builtin type whose layout instances of `ty` use.
pub fn layout(vm: &Vm, ty: Handle) -> Ty {
    data(vm, ty)
        .and_then(|d| {
            Ty::from_index(
                ((d.flags.load(Ordering::Relaxed) & tyflags::LAYOUT_MASK) >> tyflags::LAYOUT_SHIFT)
                    as u16,
            )
        })
        .unwrap_or(Ty::Object)
}

pub fn is_heap_type(vm: &Vm, ty: Handle) -> bool {
    data(vm, ty).is_some_and(|d| d.flags.load(Ordering::Relaxed) & tyflags::HEAPTYPE != 0)
}

/// `ty.__mro__` as values.
pub fn mro(vm: &Vm, ty: Handle) -> Vec<Value> {
    data(vm, ty)
        .and_then(|d| vm.tuple_items(d.mro.load()).map(|s| s.to_vec()))
        .unwrap_or_default()
}

/// `issubclass(a, b)` by MRO.
pub fn is_subtype(vm: &Vm, a: Handle, b: Handle) -> bool {
    if a == b {
        return true;
    }
    let bv = Value::from_handle(b);
    data(vm, a)
        .and_then(|d| vm.tuple_items(d.mro.load()).map(|s| s.contains(&bv)))
        .unwrap_or(false)
}

/// `ty.__dict__` (the real dict).
pub fn type_dict(vm: &Vm, ty: Handle) -> Value {
    data(vm, ty).map(|d| d.dict.load()).unwrap_or(Value::NONE)
}

pub fn type_name(vm: &Vm, ty: Handle) -> String {
    data(vm, ty)
        .and_then(|d| vm.rust_str(d.name.load()))
        .unwrap_or_else(|| "?".into())
}

pub fn type_qualname(vm: &Vm, ty: Handle) -> String {
    data(vm, ty)
        .and_then(|d| vm.rust_str(d.qualname.load()))
        .unwrap_or_else(|| "?".into())
}

/// `ty.__module__` as text.
pub fn type_module(vm: &mut Vm, ty: Handle) -> Option<String> {
    let d = type_dict(vm, ty);
    let m = super::dict::get_str(vm, d, "__module__").ok().flatten()?;
    vm.rust_str(m)
}

/// Looks `name` up along `ty`'s MRO (`_PyType_Lookup`).
pub fn lookup(vm: &mut Vm, ty: Handle, name: Value) -> Option<Value> {
    for t in mro(vm, ty) {
        let Some(h) = t.as_handle() else { continue };
        let d = type_dict(vm, h);
        if let Ok(Some(v)) = super::dict::get_item(vm, d, name) {
            return Some(v);
        }
    }
    None
}

/// C3 linearization of a new class with `bases`.
fn c3(vm: &mut Vm, this: Value, bases: &[Value]) -> PyResult<Vec<Value>> {
    let mut seqs: Vec<Vec<Value>> = bases
        .iter()
        .filter_map(|b| b.as_handle())
        .map(|h| mro(vm, h))
        .collect();
    seqs.push(bases.to_vec());
    let mut out = vec![this];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let cand = seqs
            .iter()
            .map(|s| s[0])
            .find(|&c| !seqs.iter().any(|s| s[1..].contains(&c)));
        let Some(c) = cand else {
            let names: Vec<String> = bases
                .iter()
                .filter_map(|b| b.as_handle())
                .map(|h| type_name(vm, h))
                .collect();
            return Err(vm.type_error(&format!(
                "Cannot create a consistent method resolution order (MRO) for bases {}",
                names.join(", ")
            )));
        };
        out.push(c);
        for s in seqs.iter_mut() {
            if s.first() == Some(&c) {
                s.remove(0);
            }
        }
    }
}

/// Creates a class: `type(name, bases, ns)` (`type_new`).
pub fn new_class(
    vm: &mut Vm,
    meta: Handle,
    name: Value,
    bases: Vec<Value>,
    ns: Value,
) -> PyResult<Value> {
    let bases = if bases.is_empty() {
        vec![vm.ty_val(Ty::Object)]
    } else {
        bases
    };
    let mut lay = Ty::Object;
    for &b in &bases {
        let Some(h) = b.as_handle().filter(|_| is_type(vm, b)) else {
            return Err(vm.type_error("bases must be types"));
        };
        let l = layout(vm, h);
        if let Some(bt) = vm.rt.builtin_of(h) {
            if bt.is_final() {
                let n = type_name(vm, h);
                return Err(vm.type_error(&format!("type '{n}' is not an acceptable base type")));
            }
        }
        if lay == Ty::Object || (l != Ty::Object && is_subtype(vm, vm.ty(l), vm.ty(lay))) {
            lay = l;
        }
    }
    let h =
        vm.m.alloc(Some(meta), TypeData::new(0))
            .map_err(|_| vm.new_error(Ty::MemoryError, ""))?;
    let this = Value::from_handle(h);
    vm.temps.push(this);
    let mro_v = c3(vm, this, &bases);
    let mro_v = match mro_v {
        Ok(v) => v,
        Err(e) => {
            vm.temps.pop();
            return Err(e);
        }
    };
    let exc = mro_v.iter().any(|&t| t == vm.ty_val(Ty::BaseException));
    let bases_t = vm.alloc(Ty::Tuple, TupleData::new(bases))?;
    let mro_t = vm.alloc(Ty::Tuple, TupleData::new(mro_v))?;
    let t = vm
        .dict_data(ns)
        .map(|d| d.lock().clone())
        .unwrap_or_default();
    let dict = vm.alloc(Ty::Dict, DictData::new(t))?;
    if let Some(d) = data(vm, h) {
        d.name.store(name);
        d.qualname.store(name);
        d.bases.store(bases_t);
        d.mro.store(mro_t);
        d.dict.store(dict);
        let mut flags = tyflags::HEAPTYPE | ((lay as u64) << tyflags::LAYOUT_SHIFT);
        if exc {
            flags |= tyflags::EXCEPTION;
        }
        d.flags.store(flags, Ordering::Relaxed);
    }
    if let Some(q) = super::dict::get_str(vm, dict, "__qualname__")? {
        if let Some(d) = data(vm, h) {
            d.qualname.store(q);
        }
        let k = vm.intern("__qualname__")?;
        super::dict::del_item(vm, dict, k)?;
    }
    // __init_subclass__ and __set_name__
    for (k, v) in super::dict::items(vm, dict) {
        let sn = vm.intern("__set_name__")?;
        if let Some(f) = protocols::attr::lookup_type_attr(vm, vm.type_of(v), sn) {
            protocols::call::call(vm, f, Args::new(vec![v, this, k]))?;
        }
    }
    vm.temps.pop();
    Ok(this)
}

/// `type.__call__`: `__new__` then `__init__` (`type_call`).
pub fn call_type(vm: &mut Vm, cls: Value, mut args: Args) -> PyResult<Value> {
    let Some(h) = cls.as_handle() else {
        return Err(vm.type_error("not a type"));
    };
    if h == vm.ty(Ty::Type) && args.pos.len() == 1 && args.kw.is_empty() {
        return Ok(Value::from_handle(vm.type_of(args.pos[0])));
    }
    let new_name = vm.intern("__new__")?;
    let new = lookup(vm, h, new_name);
    let obj = match new {
        Some(f) => {
            let f = protocols::attr::unwrap_static(vm, f);
            let mut a = args.clone();
            a.pos.insert(0, cls);
            protocols::call::call(vm, f, a)?
        }
        None => return Err(vm.type_error("cannot create instances")),
    };
    if !is_subtype(vm, vm.type_of(obj), h) {
        return Ok(obj);
    }
    vm.temps.push(obj);
    let init_name = vm.intern("__init__")?;
    if let Some(init) = lookup(vm, vm.type_of(obj), init_name) {
        args.pos.insert(0, obj);
        let r = protocols::call::call(vm, init, args)?;
        if !r.is_none() {
            let t = vm.type_name(r);
            vm.temps.pop();
            return Err(vm.type_error(&format!("__init__() should return None, not '{t}'")));
        }
    }
    vm.temps.pop();
    Ok(obj)
}

/// `type.__new__(meta, name, bases, ns)`.
fn type_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() == 2 {
        return Ok(Value::from_handle(vm.type_of(args.pos[1])));
    }
    if args.pos.len() != 4 {
        return Err(vm.type_error("type() takes 1 or 3 arguments"));
    }
    let meta = args.pos[0].as_handle().unwrap_or(vm.ty(Ty::Type));
    let bases = vm
        .tuple_items(args.pos[2])
        .map(|s| s.to_vec())
        .unwrap_or_default();
    new_class(vm, meta, args.pos[1], bases, args.pos[3])
}

fn type_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::NONE)
}

/// `type.mro()`
fn type_mro(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.pos[0]
        .as_handle()
        .map(|h| mro(vm, h))
        .unwrap_or_default();
    vm.new_list(v)
}

/// `type.__subclasses__()` (not tracked yet: an empty list).
fn type_subclasses(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    vm.new_list(vec![])
}

pub const METHODS: &[NativeMethod] = &[
    NativeMethod {
        name: "__new__",
        func: type_new,
        sig: "",
        binding: super::Binding::Static,
    },
    m("__init__", type_init, ""),
    m("mro", type_mro, "($self, /)"),
    m("__subclasses__", type_subclasses, "($self, /)"),
];

fn get_name(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(v.as_handle()
        .and_then(|h| data(vm, h))
        .map(|d| d.name.load())
        .unwrap_or(Value::NONE))
}
fn get_qualname(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(v.as_handle()
        .and_then(|h| data(vm, h))
        .map(|d| d.qualname.load())
        .unwrap_or(Value::NONE))
}
fn get_mro(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(v.as_handle()
        .and_then(|h| data(vm, h))
        .map(|d| d.mro.load())
        .unwrap_or(Value::NONE))
}
fn get_bases(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(v.as_handle()
        .and_then(|h| data(vm, h))
        .map(|d| d.bases.load())
        .unwrap_or(Value::NONE))
}
fn get_base(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let b = get_bases(vm, v)?;
    Ok(vm
        .tuple_items(b)
        .and_then(|s| s.first().copied())
        .unwrap_or(Value::NONE))
}
fn get_dict(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(v.as_handle()
        .map(|h| type_dict(vm, h))
        .unwrap_or(Value::NONE))
}
fn get_module(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let d = get_dict(vm, v)?;
    match super::dict::get_str(vm, d, "__module__")? {
        // A builtin type's `__module__` entry may be its instances' getter (functions').
        Some(m)
            if vm.str_data(m).is_some() || v.as_handle().is_some_and(|h| is_heap_type(vm, h)) =>
        {
            Ok(m)
        }
        _ => vm.new_str("builtins"),
    }
}
fn get_doc(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let d = get_dict(vm, v)?;
    Ok(super::dict::get_str(vm, d, "__doc__")?.unwrap_or(Value::NONE))
}
fn set_name(vm: &mut Vm, v: Value, n: Value) -> PyResult<()> {
    if let Some(d) = v.as_handle().and_then(|h| data(vm, h)) {
        d.name.store(n);
    }
    Ok(())
}
fn set_qualname(vm: &mut Vm, v: Value, n: Value) -> PyResult<()> {
    if let Some(d) = v.as_handle().and_then(|h| data(vm, h)) {
        d.qualname.store(n);
    }
    Ok(())
}

pub const GETSETS: &[(&str, super::Getter, Option<super::Setter>)] = &[
    ("__name__", get_name, Some(set_name)),
    ("__qualname__", get_qualname, Some(set_qualname)),
    ("__mro__", get_mro, None),
    ("__bases__", get_bases, None),
    ("__base__", get_base, None),
    ("__dict__", get_dict, None),
    ("__module__", get_module, None),
    ("__doc__", get_doc, None),
];

/// A fresh empty dict table (for class namespaces).
pub fn new_namespace(vm: &Vm) -> PyResult<Value> {
    vm.alloc(Ty::Dict, DictData::new(Table::new()))
}
