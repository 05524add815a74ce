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

/// The flags word of a type (`tyflags`).
pub fn flags(vm: &Vm, ty: Handle) -> u64 {
    data(vm, ty).map_or(0, |d| d.flags.load(Ordering::Relaxed))
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
    let epoch = protopy_objects::table::watched_epoch();
    if let Some(found) = vm.lookup_cache.get(ty, name, epoch) {
        return found;
    }
    let found = lookup_uncached(vm, ty, name);
    vm.lookup_cache.put(ty, name, epoch, found);
    found
}

/// The MRO walk behind [`lookup`]; watches each namespace it reads so that a later change to
/// any of them invalidates the cached result.
fn lookup_uncached(vm: &mut Vm, ty: Handle, name: Value) -> Option<Value> {
    for t in mro(vm, ty) {
        let Some(h) = t.as_handle() else { continue };
        let d = type_dict(vm, h);
        if let Some(dd) = vm.dict_data(d) {
            dd.lock().watch();
        }
        if let Ok(Some(v)) = super::dict::get_item(vm, d, name) {
            return Some(v);
        }
    }
    None
}

/// C3 linearization of a new class with `bases`.
fn c3(vm: &mut Vm, this: Value, bases: &[Value]) -> PyResult<Vec<Value>> {
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].contains(b) {
            let n = b.as_handle().map(|h| type_name(vm, h)).unwrap_or_default();
            return Err(vm.type_error(&format!("duplicate base class {n}")));
        }
    }
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
            // The heads of the sequences left to merge (`set_mro_error`).
            let mut heads: Vec<Value> = Vec::new();
            for s in &seqs {
                if !heads.contains(&s[0]) {
                    heads.push(s[0]);
                }
            }
            let names: Vec<String> = heads
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
    let mark = vm.temps.len();
    vm.temps.extend_from_slice(&[name, ns]);
    let r = new_class_inner(vm, meta, name, bases, ns);
    vm.temps.truncate(mark);
    r
}

fn new_class_inner(
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
            let me = vm.intern("__mro_entries__")?;
            if protocols::attr::getattr_opt(vm, b, me)?.is_some() {
                return Err(vm.type_error(
                    "type() doesn't support MRO entry resolution; use types.new_class()",
                ));
            }
            let t = vm.type_name(b);
            return Err(vm.type_error(&format!("bases must be types, not {t}")));
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
        } else if l != Ty::Object
            && !is_subtype(vm, vm.ty(lay), vm.ty(l))
            && !(l.is_exception() && lay.is_exception())
        {
            return Err(vm.type_error("multiple bases have instance lay-out conflict"));
        }
    }
    let h =
        vm.m.alloc(Some(meta), TypeData::new(0))
            .map_err(|_| vm.new_error(Ty::MemoryError, ""))?;
    let this = Value::from_handle(h);
    vm.temps.push(this);
    let mro_v = c3(vm, this, &bases);
    let mro_v = mro_v?;
    let exc = mro_v.iter().any(|&t| t == vm.ty_val(Ty::BaseException));
    let bases_t = vm.alloc(Ty::Tuple, TupleData::new(bases.clone()))?;
    vm.temps.push(bases_t);
    let mro_t = vm.alloc(Ty::Tuple, TupleData::new(mro_v))?;
    vm.temps.push(mro_t);
    let t = vm
        .dict_data(ns)
        .map(|d| d.lock().clone())
        .unwrap_or_default();
    let dict = vm.alloc(Ty::Dict, DictData::new(t))?;
    vm.temps.push(dict);
    if let Some(q) = super::dict::get_str(vm, dict, "__qualname__")? {
        if vm.str_data(q).is_none() {
            let t = vm.type_name(q);
            return Err(vm.type_error(&format!("type __qualname__ must be a str, not {t}")));
        }
    }
    if super::dict::get_str(vm, dict, "__module__")?.is_none() {
        let g = vm.frames.last().map(|f| f.globals);
        if let Some(g) = g {
            if let Some(m) = super::dict::get_str(vm, g, "__name__")? {
                let k = vm.intern("__module__")?;
                super::dict::set_item(vm, dict, k, m)?;
            }
        }
    }
    super::typecreate::implicit_wrappers(vm, dict)?;
    let cls_name = vm.rust_str(name).unwrap_or_default();
    let slots = super::typecreate::slot_layout(vm, &cls_name, &bases, lay, dict)?;
    if let Some(d) = data(vm, h) {
        d.name.store(name);
        d.qualname.store(name);
        d.bases.store(bases_t);
        d.mro.store(mro_t);
        d.dict.store(dict);
        // Cached lookups keyed by a reused handle of a dead class must not survive.
        protopy_objects::table::bump_watched_epoch();
        let mut flags = tyflags::HEAPTYPE | ((lay as u64) << tyflags::LAYOUT_SHIFT);
        if exc {
            flags |= tyflags::EXCEPTION;
        }
        d.flags.store(flags, Ordering::Relaxed);
    }
    // A class that defines `__eq__` but not `__hash__` is unhashable (`type_new_set_hash`).
    if super::dict::get_str(vm, dict, "__eq__")?.is_some()
        && super::dict::get_str(vm, dict, "__hash__")?.is_none()
    {
        super::dict::set_str(vm, dict, "__hash__", Value::NONE)?;
    }
    if let Some(q) = super::dict::get_str(vm, dict, "__qualname__")? {
        if let Some(d) = data(vm, h) {
            d.qualname.store(q);
        }
        let k = vm.intern("__qualname__")?;
        super::dict::del_item(vm, dict, k)?;
    }
    super::typecreate::install_slots(vm, h, dict, slots)?;
    if let Some(cell) = super::dict::get_str(vm, dict, "__classcell__")? {
        // The class body's `__class__` cell (zero-argument `super()`).
        let Ok(c) = vm.m.get_value::<protopy_objects::CellData>(cell) else {
            let t = vm.type_name(cell);
            return Err(vm.type_error(&format!("__classcell__ must be a nonlocal cell, not {t}")));
        };
        c.0.store(this);
        let k = vm.intern("__classcell__")?;
        super::dict::del_item(vm, dict, k)?;
    }
    if let Some(cell) = super::dict::get_str(vm, dict, "__classdictcell__")? {
        // The cell of `__classdict__` (annotation scopes) holds the class namespace.
        let Ok(c) = vm.m.get_value::<protopy_objects::CellData>(cell) else {
            let t = vm.type_name(cell);
            return Err(vm.type_error(&format!(
                "__classdictcell__ must be a nonlocal cell, not {t}"
            )));
        };
        c.0.store(dict);
        let k = vm.intern("__classdictcell__")?;
        super::dict::del_item(vm, dict, k)?;
    }
    for b in &bases {
        if let Some(bh) = b.as_handle() {
            add_subclass(vm, bh, h);
        }
    }
    Ok(this)
}

/// Records `sub` as a direct subclass of `base`, dropping dead entries.
fn add_subclass(vm: &Vm, base: Handle, sub: Handle) {
    let mut map = vm.rt.subclasses.lock();
    let list = map.entry(base).or_default();
    list.retain(|&h| vm.m.is_live(h));
    if !list.contains(&sub) {
        list.push(sub);
    }
}

fn remove_subclass(vm: &Vm, base: Handle, sub: Handle) {
    if let Some(list) = vm.rt.subclasses.lock().get_mut(&base) {
        list.retain(|&h| h != sub && vm.m.is_live(h));
    }
}

/// The live direct subclasses of `ty`, oldest first.
pub fn subclasses(vm: &Vm, ty: Handle) -> Vec<Handle> {
    let map = vm.rt.subclasses.lock();
    map.get(&ty)
        .map(|l| {
            l.iter()
                .copied()
                .filter(|&h| vm.m.is_live(h) && vm.m.get::<TypeData>(h).is_ok())
                .collect()
        })
        .unwrap_or_default()
}

/// Sets a type's flags word.
pub fn set_flags(vm: &Vm, ty: Handle, flags: u64) {
    if let Some(d) = data(vm, ty) {
        d.flags.store(flags, Ordering::Relaxed);
    }
}

/// The names of the `__slots__` descriptors along `ty`'s MRO (for `__class__` assignment).
pub fn slot_names(vm: &mut Vm, ty: Handle) -> Vec<String> {
    let mut out = Vec::new();
    for t in mro(vm, ty) {
        let Some(h) = t.as_handle() else { continue };
        let d = type_dict(vm, h);
        for (k, v) in super::dict::items(vm, d) {
            if vm.opaque::<super::descr::Member>(v).is_some() {
                out.push(vm.rust_str(k).unwrap_or_default());
            }
        }
    }
    out
}

/// Adds the attribute names of `ty` and its bases to list `out` (`merge_class_dict`).
pub fn merge_class_dict(vm: &mut Vm, out: Value, ty: Handle) -> PyResult<()> {
    for t in mro(vm, ty) {
        let Some(h) = t.as_handle() else { continue };
        let d = type_dict(vm, h);
        let keys: Vec<Value> = super::dict::items(vm, d)
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        if let Some(l) = vm.list_data(out) {
            let mut g = l.lock();
            for k in keys {
                // Names compare by text: the same name may be two str objects.
                let text = |v: Value| vm.str_data(v).map(|s| s.as_bytes().to_vec());
                let kt = text(k);
                if !g.iter().any(|&x| x == k || kt.is_some() && text(x) == kt) {
                    g.push(k);
                }
            }
        }
    }
    Ok(())
}

/// `type.__call__`: `__new__` then `__init__` (`type_call`).
pub fn call_type(vm: &mut Vm, cls: Value, mut args: Args) -> PyResult<Value> {
    let Some(h) = cls.as_handle() else {
        return Err(vm.type_error("not a type"));
    };
    if h == vm.ty(Ty::Type) && args.pos.len() == 1 && args.kw.is_empty() {
        return Ok(Value::from_handle(vm.type_of(args.pos[0])));
    }
    if args.kw.is_empty() {
        if let Some(init) = crate::eval::attr_cache::plain_init(vm, h, args.pos.len()) {
            let obj = super::subclass::new_instance(vm, h, Value::NULL)?;
            args.pos.insert(0, obj);
            vm.temps.push(obj);
            let r = crate::eval::fast_call::call_exact(vm, init, &args.pos);
            vm.temps.pop();
            let r = r?;
            if !r.is_none() {
                let t = vm.type_name(r);
                return Err(vm.type_error(&format!("__init__() should return None, not '{t}'")));
            }
            return Ok(obj);
        }
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

/// `type.__new__(meta, name, bases, ns, **kwds)`.
fn type_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(meta) = args
        .pos
        .first()
        .and_then(|m| m.as_handle())
        .filter(|&h| is_type(vm, Value::from_handle(h)))
    else {
        return Err(vm.type_error("type.__new__(X): X is not a type object"));
    };
    if args.pos.len() == 2 && args.kw.is_empty() && meta == vm.ty(Ty::Type) {
        return Ok(Value::from_handle(vm.type_of(args.pos[1])));
    }
    if args.pos.len() != 4 {
        let msg = if meta == vm.ty(Ty::Type) {
            "type() takes 1 or 3 arguments".to_string()
        } else {
            format!(
                "type.__new__() takes exactly 3 arguments ({} given)",
                args.pos.len() - 1
            )
        };
        return Err(vm.type_error(&msg));
    }
    let (name, bases_v, ns) = (args.pos[1], args.pos[2], args.pos[3]);
    for (i, v, want, ok) in [
        (1, name, "str", vm.str_data(name).is_some()),
        (2, bases_v, "tuple", vm.tuple_items(bases_v).is_some()),
        (3, ns, "dict", vm.dict_data(ns).is_some()),
    ] {
        if !ok {
            let t = vm.type_name(v);
            return Err(vm.type_error(&format!(
                "type.__new__() argument {i} must be {want}, not {t}"
            )));
        }
    }
    let bases = vm
        .tuple_items(bases_v)
        .map(|s| s.to_vec())
        .unwrap_or_default();
    let winner = super::typecreate::calculate_meta(vm, meta, &bases)?;
    if winner != meta {
        let nn = vm.intern("__new__")?;
        if let Some(f) = lookup(vm, winner, nn) {
            let own = vm
                .opaque::<super::function::Native>(f)
                .is_some_and(|n| n.owner == Some(Ty::Type));
            if !own {
                let f = protocols::attr::unwrap_static(vm, f);
                let mut a = args.clone();
                a.pos[0] = Value::from_handle(winner);
                return protocols::call::call(vm, f, a);
            }
        }
    }
    let cls = new_class(vm, winner, name, bases, ns)?;
    vm.temps.push(cls);
    let r = super::typecreate::after_new(vm, cls, args.kw.clone());
    vm.temps.pop();
    r?;
    Ok(cls)
}

/// `type.__init__(cls, name, bases, ns, **kwds)`: checks the argument count.
fn type_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = args.pos.len().saturating_sub(1);
    if n != 1 && n != 3 {
        return Err(vm.type_error("type.__init__() takes 1 or 3 arguments"));
    }
    if n == 1 && !args.kw.is_empty() {
        return Err(vm.type_error("type.__init__() takes no keyword arguments"));
    }
    Ok(Value::NONE)
}

/// `type.__call__(cls, *args, **kwargs)`.
fn type_dunder_call(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let cls = args.pos.remove(0);
    call_type(vm, cls, args)
}

/// `type.__getattribute__(cls, name, /)`.
fn type_getattribute(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__getattribute__", 1, 1)?;
    protocols::attr::check_name(vm, args.pos[1])?;
    protocols::attr::type_getattr(vm, args.pos[0], args.pos[1])
}

/// `type.__setattr__(cls, name, value, /)`.
fn type_dunder_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__setattr__", 2, 2)?;
    protocols::attr::check_name(vm, args.pos[1])?;
    protocols::attr::type_setattr(vm, args.pos[0], args.pos[1], args.pos[2])?;
    Ok(Value::NONE)
}

/// `type.__delattr__(cls, name, /)`.
fn type_dunder_delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__delattr__", 1, 1)?;
    protocols::attr::check_name(vm, args.pos[1])?;
    protocols::attr::type_setattr(vm, args.pos[0], args.pos[1], Value::NULL)?;
    Ok(Value::NONE)
}

/// `type.__instancecheck__(cls, instance, /)`.
fn type_instancecheck(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__instancecheck__", 1, 1)?;
    protocols::instance::recursive_isinstance(vm, args.pos[1], args.pos[0]).map(Value::from_bool)
}

/// `type.__subclasscheck__(cls, subclass, /)`.
fn type_subclasscheck(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__subclasscheck__", 1, 1)?;
    protocols::instance::recursive_issubclass(vm, args.pos[1], args.pos[0]).map(Value::from_bool)
}

/// `type.__prepare__(name, bases, /, **kwds)`: an empty dict.
fn type_prepare(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    vm.new_dict()
}

/// `type.__dir__()`: the attribute names of the class and its bases.
fn type_dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__dir__", 0, 0)?;
    let Some(h) = args.pos[0].as_handle() else {
        return vm.new_list(vec![]);
    };
    let out = vm.new_list(vec![])?;
    vm.temps.push(out);
    let r = merge_class_dict(vm, out, h);
    vm.temps.pop();
    r?;
    Ok(out)
}

/// `type.mro()`
fn type_mro(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.pos[0]
        .as_handle()
        .map(|h| mro(vm, h))
        .unwrap_or_default();
    vm.new_list(v)
}

/// `type.__subclasses__()`: the live direct subclasses.
fn type_subclasses(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__subclasses__", 0, 0)?;
    let subs = args.pos[0]
        .as_handle()
        .map(|h| subclasses(vm, h))
        .unwrap_or_default();
    vm.new_list(subs.into_iter().map(Value::from_handle).collect())
}

pub const METHODS: &[NativeMethod] = &[
    NativeMethod {
        name: "__new__",
        func: type_new,
        sig: "",
        binding: super::Binding::Static,
    },
    m("__init__", type_init, ""),
    m("__call__", type_dunder_call, "($self, /, *args, **kwargs)"),
    m("__getattribute__", type_getattribute, "($self, name, /)"),
    m(
        "__setattr__",
        type_dunder_setattr,
        "($self, name, value, /)",
    ),
    m("__delattr__", type_dunder_delattr, "($self, name, /)"),
    m(
        "__instancecheck__",
        type_instancecheck,
        "($self, instance, /)",
    ),
    m(
        "__subclasscheck__",
        type_subclasscheck,
        "($self, subclass, /)",
    ),
    m("__dir__", type_dir, "($self, /)"),
    m("__or__", super::union::type_dunder_or, "($self, value, /)"),
    m(
        "__ror__",
        super::union::type_dunder_ror,
        "($self, value, /)",
    ),
    super::cm("__prepare__", type_prepare, ""),
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
    let d = v
        .as_handle()
        .map(|h| type_dict(vm, h))
        .unwrap_or(Value::NONE);
    super::mappingproxy::new(vm, d)
}
fn raw_dict(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(v.as_handle()
        .map(|h| type_dict(vm, h))
        .unwrap_or(Value::NONE))
}
fn get_module(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let d = raw_dict(vm, v)?;
    let builtin = v.as_handle().is_some_and(|h| !is_heap_type(vm, h));
    match super::dict::get_str(vm, d, "__module__")? {
        // A builtin type's dict may hold its instances' `__module__` descriptor instead.
        Some(m) if !builtin || vm.str_data(m).is_some() => Ok(m),
        _ => match v.as_handle() {
            Some(h) if builtin => match vm.rt.builtin_of(h) {
                Some(t) => vm.intern(super::builtin_module(t)),
                None => vm.intern("builtins"),
            },
            _ => vm.intern("builtins"),
        },
    }
}
fn get_doc(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let d = raw_dict(vm, v)?;
    let doc = super::dict::get_str(vm, d, "__doc__")?.unwrap_or(Value::NONE);
    if vm.str_data(doc).is_none() && !doc.is_none() {
        // A descriptor stored as `__doc__` (a property on a metaclass's instances' class).
        return protocols::attr::bind(vm, doc, Value::NULL, v);
    }
    Ok(doc)
}

/// Checks that `v` is a class made by `class` before one of its attributes is set; CPython's
/// errors for builtin types and deletions.
fn settable(vm: &mut Vm, v: Value, n: Value, attr: &str) -> PyResult<Handle> {
    let Some(h) = v.as_handle() else {
        return Err(vm.type_error("expected a type"));
    };
    let t = type_name(vm, h);
    if !is_heap_type(vm, h) {
        return Err(vm.type_error(&format!(
            "cannot set '{attr}' attribute of immutable type '{t}'"
        )));
    }
    if n.is_null() {
        return Err(vm.type_error(&format!(
            "cannot delete '{attr}' attribute of immutable type '{t}'"
        )));
    }
    Ok(h)
}

fn set_name(vm: &mut Vm, v: Value, n: Value) -> PyResult<()> {
    let h = settable(vm, v, n, "__name__")?;
    let Some(s) = vm.rust_str(n) else {
        let q = type_name(vm, h);
        let t = vm.type_name(n);
        return Err(vm.type_error(&format!(
            "can only assign string to {q}.__name__, not '{t}'"
        )));
    };
    if s.contains('\0') {
        return Err(vm.value_error("type name must not contain null characters"));
    }
    if let Some(d) = data(vm, h) {
        d.name.store(n);
    }
    Ok(())
}
fn set_qualname(vm: &mut Vm, v: Value, n: Value) -> PyResult<()> {
    let h = settable(vm, v, n, "__qualname__")?;
    if vm.str_data(n).is_none() {
        let q = type_name(vm, h);
        let t = vm.type_name(n);
        return Err(vm.type_error(&format!(
            "can only assign string to {q}.__qualname__, not '{t}'"
        )));
    }
    if let Some(d) = data(vm, h) {
        d.qualname.store(n);
    }
    Ok(())
}
/// Stores `__module__`/`__doc__` in the class's own dict.
fn set_in_dict(vm: &mut Vm, v: Value, n: Value, attr: &str) -> PyResult<()> {
    let h = settable(vm, v, n, attr)?;
    let d = type_dict(vm, h);
    let k = vm.intern(attr)?;
    super::dict::set_item(vm, d, k, n)
}
fn set_module(vm: &mut Vm, v: Value, n: Value) -> PyResult<()> {
    set_in_dict(vm, v, n, "__module__")
}
fn set_doc(vm: &mut Vm, v: Value, n: Value) -> PyResult<()> {
    set_in_dict(vm, v, n, "__doc__")
}
/// `cls.__bases__ = (...)`: checks, then a new MRO for the class and its subclasses
/// (`type_set_bases`).
fn set_bases(vm: &mut Vm, v: Value, n: Value) -> PyResult<()> {
    let h = settable(vm, v, n, "__bases__")?;
    let name = type_name(vm, h);
    let Some(new) = vm.tuple_items(n).map(|s| s.to_vec()) else {
        let t = vm.type_name(n);
        return Err(vm.type_error(&format!(
            "can only assign tuple to {name}.__bases__, not {t}"
        )));
    };
    if new.is_empty() {
        return Err(vm.type_error(&format!(
            "can only assign non-empty tuple to {name}.__bases__, not ()"
        )));
    }
    let mut lay = Ty::Object;
    for &b in &new {
        let Some(bh) = b.as_handle().filter(|_| is_type(vm, b)) else {
            let t = vm.type_name(b);
            return Err(vm.type_error(&format!(
                "{name}.__bases__ must be tuple of classes, not '{t}'"
            )));
        };
        if is_subtype(vm, bh, h) {
            return Err(vm.type_error("a __bases__ item causes an inheritance cycle"));
        }
        let l = layout(vm, bh);
        if lay == Ty::Object || (l != Ty::Object && is_subtype(vm, vm.ty(l), vm.ty(lay))) {
            lay = l;
        }
    }
    if lay != layout(vm, h) {
        let old = get_base(vm, v)?;
        let on = old
            .as_handle()
            .map(|b| type_name(vm, b))
            .unwrap_or_default();
        let nn = new
            .iter()
            .filter_map(|b| b.as_handle())
            .find(|&b| layout(vm, b) == lay)
            .map(|b| type_name(vm, b))
            .unwrap_or_default();
        return Err(vm.type_error(&format!(
            "__bases__ assignment: '{nn}' object layout differs from '{on}'"
        )));
    }
    let old_t = get_bases(vm, v)?;
    let old_bases = vm
        .tuple_items(old_t)
        .map(|s| s.to_vec())
        .unwrap_or_default();
    let mro_v = c3(vm, v, &new)?;
    let mro_t = vm.new_tuple(mro_v)?;
    if let Some(d) = data(vm, h) {
        d.bases.store(n);
        d.mro.store(mro_t);
        d.bump_version();
    }
    // Cached lookups walked the old MRO (design record 0006).
    protopy_objects::table::bump_watched_epoch();
    for b in old_bases.iter().filter_map(|b| b.as_handle()) {
        remove_subclass(vm, b, h);
    }
    for b in new.iter().filter_map(|b| b.as_handle()) {
        add_subclass(vm, b, h);
    }
    remro_subclasses(vm, h)
}

/// Recomputes the MRO of every class below `ty` after its bases changed.
fn remro_subclasses(vm: &mut Vm, ty: Handle) -> PyResult<()> {
    vm.enter_native(" while updating subclasses' MRO")?;
    let r = (|| {
        for sub in subclasses(vm, ty) {
            let sv = Value::from_handle(sub);
            let bt = get_bases(vm, sv)?;
            let bases = vm.tuple_items(bt).map(|s| s.to_vec()).unwrap_or_default();
            let mro_v = c3(vm, sv, &bases)?;
            let mro_t = vm.new_tuple(mro_v)?;
            if let Some(d) = data(vm, sub) {
                d.mro.store(mro_t);
                d.bump_version();
            }
            protopy_objects::table::bump_watched_epoch();
            remro_subclasses(vm, sub)?;
        }
        Ok(())
    })();
    vm.exit_native();
    r
}

pub const GETSETS: &[(&str, super::Getter, Option<super::Setter>)] = &[
    ("__name__", get_name, Some(set_name)),
    ("__qualname__", get_qualname, Some(set_qualname)),
    ("__mro__", get_mro, None),
    ("__bases__", get_bases, Some(set_bases)),
    ("__base__", get_base, None),
    ("__dict__", get_dict, None),
    ("__module__", get_module, Some(set_module)),
    ("__doc__", get_doc, Some(set_doc)),
];

/// A fresh empty dict table (for class namespaces).
pub fn new_namespace(vm: &Vm) -> PyResult<Value> {
    vm.alloc(Ty::Dict, DictData::new(Table::new()))
}
